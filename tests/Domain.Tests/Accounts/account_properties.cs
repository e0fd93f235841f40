using CsCheck;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Accounts.AccountStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Accounts;

public class account_properties
{
    [Fact]
    public void random_account_changes_never_reopen_an_ended_account_and_replay_to_the_same_state()
    {
        Gen.Int[0, 6].Array[1, 30].Sample(moves =>
        {
            var replay = new Replay<Account>(AccountHistory.Evolve);
            replay.Run(Account.Register(new(AccountId, Email, EmailIndex, Name, Phone, PhoneIndex, Address), Now));
            foreach (var move in moves)
            {
                var before = replay.State!;
                var decision = replay.Run(Decide(before, move));
                var after = replay.State!;
                if (before.Status == AccountStatus.Erased) Assert.Empty(decision.Events);
                if (before.Status == AccountStatus.Closed) Assert.Contains(after.Status, new[] { AccountStatus.Closed, AccountStatus.Erased });
                if (move == 5 && decision.IsAccepted) Assert.Equal(AccountStatus.Active, before.Status);
                if (decision.Events.Any(e => e is AccountContactDetailsChanged))
                    Assert.DoesNotContain(before.Status, new[] { AccountStatus.Closed, AccountStatus.Erased });
            }

            Assert.Equal(replay.State, AccountHistory.Rebuild(EventJson.RoundTrip(replay.Events)));
        }, iter: 2000);
    }

    private static Decision Decide(Account account, int move) => move switch
    {
        0 => Account.ChangeContactDetails(account, new(AccountId, "enc:p", "phone-index", "enc:a", null), Now),
        1 => Account.VerifyEmail(account, new(AccountId), Now),
        2 => Account.Suspend(account, new(AccountId, "r", RequestId), Now),
        3 => Account.Reactivate(account, new(AccountId, "r", RequestId), Now),
        4 => Account.Close(account, new(AccountId, "r"), Now),
        5 => Account.AcceptNewOrder(account, AccountId),
        _ => Account.ErasePersonalData(account, new(AccountId), Now),
    };
}
