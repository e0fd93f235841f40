using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Accounts.AccountRules;

namespace SolarEvents.Domain.Accounts;

public sealed partial record Account
{
    /// <summary>Reason recorded when erasure closes an account that was still open.</summary>
    public const string ClosedForErasure = "Closed for personal data erasure.";

    public static Decision Register(RegisterAccount command, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(command.Email)
            ? Refuse(EmailMissing)
            : Decision.Accept(new AccountRegistered(
                command.AccountId, command.Email, command.EmailIndex, command.Name, command.Phone, command.PhoneIndex, command.Address, now));

    /// <summary>Allowed while suspended too: a suspended customer may still need to be reachable.</summary>
    public static Decision ChangeContactDetails(Account account, ChangeContactDetails command, DateTimeOffset now) =>
        CheckNotEnded(account) ?? Decision.Accept(new AccountContactDetailsChanged(
            account.Id, command.Phone, command.PhoneIndex, command.Address, command.ChangeRequestId, now));

    public static Decision VerifyEmail(Account account, VerifyEmail command, DateTimeOffset now) =>
        CheckNotEnded(account)
        ?? (account.EmailVerified ? Refuse(EmailAlreadyVerified) : Decision.Accept(new AccountEmailVerified(account.Id, now)));

    public static Decision Suspend(Account account, SuspendAccount command, DateTimeOffset now) =>
        CheckNotEnded(account)
        ?? (account.Status == AccountStatus.Suspended
            ? Refuse(AccountIsSuspended)
            : Decision.Accept(new AccountSuspended(account.Id, command.Reason, command.ChangeRequestId, now)));

    public static Decision Reactivate(Account account, ReactivateAccount command, DateTimeOffset now) =>
        CheckNotEnded(account)
        ?? (account.Status != AccountStatus.Suspended
            ? Refuse(AccountNotSuspended)
            : Decision.Accept(new AccountReactivated(account.Id, command.Reason, command.ChangeRequestId, now)));

    public static Decision Close(Account account, CloseAccount command, DateTimeOffset now) =>
        CheckNotEnded(account) ?? Decision.Accept(new AccountClosed(account.Id, command.Reason, now));

    /// <summary>Erasure ends the account: one still open is closed in the same decision.</summary>
    public static Decision ErasePersonalData(Account account, ErasePersonalData command, DateTimeOffset now) =>
        account.Status switch
        {
            AccountStatus.Erased => Refuse(AccountIsErased),
            AccountStatus.Closed => Decision.Accept(new AccountPersonalDataErased(account.Id, now)),
            _ => Decision.Accept(
                new AccountClosed(account.Id, ClosedForErasure, now),
                new AccountPersonalDataErased(account.Id, now)),
        };

    /// <summary>May this account's customer start a new order? Accepts with no events.</summary>
    public static Decision AcceptNewOrder(Account account, Guid customerId)
    {
        if (account.Id != customerId) return Refuse(AccountMismatch);
        return CheckNotEnded(account) ?? (account.Status == AccountStatus.Suspended ? Refuse(AccountIsSuspended) : Decision.Accept());
    }

    /// <summary>The refusal for an account that accepts no more changes; null while it does.</summary>
    public static Decision? CheckNotEnded(Account account) => account.Status switch
    {
        AccountStatus.Closed => Refuse(AccountIsClosed),
        AccountStatus.Erased => Refuse(AccountIsErased),
        _ => null,
    };
}
