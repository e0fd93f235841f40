using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Accounts.AccountStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Accounts;

public class account_lifecycle
{
    [Fact]
    public void registering_records_email_and_opaque_personal_fields() =>
        Expect.Events(
            Account.Register(new RegisterAccount(AccountId, Email, EmailIndex, Name, Phone, PhoneIndex, Address), Now),
            new AccountRegistered(AccountId, Email, EmailIndex, Name, Phone, PhoneIndex, Address, Now));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void registering_without_an_email_is_refused(string email) =>
        Expect.Refused(Account.Register(new RegisterAccount(AccountId, email, EmailIndex, Name, Phone, PhoneIndex, Address), Now), AccountRules.EmailMissing);

    [Fact]
    public void verifying_the_email() =>
        Expect.Events(Account.VerifyEmail(Given(), new VerifyEmail(AccountId), Now), new AccountEmailVerified(AccountId, Now));

    [Fact]
    public void verifying_the_email_twice_is_refused() =>
        Expect.Refused(
            Account.VerifyEmail(Given(new AccountEmailVerified(AccountId, Now)), new VerifyEmail(AccountId), Now),
            AccountRules.EmailAlreadyVerified);

    [Fact]
    public void suspending_names_the_change_request() =>
        Expect.Events(
            Account.Suspend(Given(), new SuspendAccount(AccountId, "Chargeback", RequestId), Now),
            new AccountSuspended(AccountId, "Chargeback", RequestId, Now));

    [Fact]
    public void suspending_a_suspended_account_is_refused() =>
        Expect.Refused(
            Account.Suspend(Given(Suspended), new SuspendAccount(AccountId, "Again", RequestId), Now),
            AccountRules.AccountIsSuspended);

    [Fact]
    public void reactivating_a_suspended_account() =>
        Expect.Events(
            Account.Reactivate(Given(Suspended), new ReactivateAccount(AccountId, "Settled", RequestId), Now),
            new AccountReactivated(AccountId, "Settled", RequestId, Now));

    [Fact]
    public void reactivating_an_active_account_is_refused() =>
        Expect.Refused(
            Account.Reactivate(Given(), new ReactivateAccount(AccountId, "x", RequestId), Now),
            AccountRules.AccountNotSuspended);

    [Fact]
    public void closing_an_account() =>
        Expect.Events(
            Account.Close(Given(Suspended), new CloseAccount(AccountId, "Moved abroad"), Now),
            new AccountClosed(AccountId, "Moved abroad", Now));

    [Fact]
    public void closing_twice_is_refused() =>
        Expect.Refused(Account.Close(Given(Closed), new CloseAccount(AccountId, "x"), Now), AccountRules.AccountIsClosed);

    [Fact]
    public void erasing_an_open_account_closes_it_in_the_same_decision() =>
        Expect.Events(
            Account.ErasePersonalData(Given(), new ErasePersonalData(AccountId), Now),
            new AccountClosed(AccountId, Account.ClosedForErasure, Now),
            new AccountPersonalDataErased(AccountId, Now));

    [Fact]
    public void erasing_a_closed_account() =>
        Expect.Events(
            Account.ErasePersonalData(Given(Closed), new ErasePersonalData(AccountId), Now),
            new AccountPersonalDataErased(AccountId, Now));

    [Fact]
    public void erasing_twice_is_refused() =>
        Expect.Refused(
            Account.ErasePersonalData(Given(Closed, Erased), new ErasePersonalData(AccountId), Now),
            AccountRules.AccountIsErased);

    [Fact]
    public void an_ended_account_refuses_every_change()
    {
        foreach (var (account, code) in new[] { (Given(Closed), AccountRules.AccountIsClosed), (Given(Closed, Erased), AccountRules.AccountIsErased) })
        {
            Expect.Refused(Account.ChangeContactDetails(account, new(AccountId, Phone, PhoneIndex, Address, null), Now), code);
            Expect.Refused(Account.VerifyEmail(account, new(AccountId), Now), code);
            Expect.Refused(Account.Suspend(account, new(AccountId, "x", RequestId), Now), code);
            Expect.Refused(Account.Reactivate(account, new(AccountId, "x", RequestId), Now), code);
            Expect.Refused(Account.Close(account, new(AccountId, "x"), Now), code);
        }
    }

    [Fact]
    public void the_account_state_holds_no_personal_data() =>
        Assert.DoesNotContain(typeof(Account).GetProperties(), p => p.PropertyType == typeof(string));

    [Fact]
    public void each_amendment_falls_under_its_change_category()
    {
        Assert.Equal(ChangeCategory.UpdateContactDetails, AccountAmendments.CategoryOf(new ChangeContactDetails(AccountId, Phone, PhoneIndex, Address, null)));
        Assert.Equal(ChangeCategory.SuspendAccount, AccountAmendments.CategoryOf(new SuspendAccount(AccountId, "x", null)));
        Assert.Equal(ChangeCategory.ReactivateAccount, AccountAmendments.CategoryOf(new ReactivateAccount(AccountId, "x", null)));
    }
}
