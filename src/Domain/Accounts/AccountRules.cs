using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Accounts;

/// <summary>The stable codes of every rule an account decision can refuse with.</summary>
public static class AccountRules
{
    public const string EmailMissing = "email-missing";
    public const string EmailAlreadyVerified = "email-already-verified";
    public const string AccountIsClosed = "account-closed";
    public const string AccountIsErased = "account-erased";
    public const string AccountIsSuspended = "account-suspended";
    public const string AccountNotSuspended = "account-not-suspended";
    public const string AccountMismatch = "account-mismatch";

    private static readonly Dictionary<string, string> Details = new()
    {
        [EmailMissing] = "An account needs an email address.",
        [EmailAlreadyVerified] = "The email address is already verified.",
        [AccountIsClosed] = "The account is closed.",
        [AccountIsErased] = "The account's personal data has been erased.",
        [AccountIsSuspended] = "The account is suspended.",
        [AccountNotSuspended] = "The account is not suspended.",
        [AccountMismatch] = "The order is for a different customer than this account.",
    };

    internal static Decision Refuse(string code) => Decision.Reject(code, Details[code]);
}
