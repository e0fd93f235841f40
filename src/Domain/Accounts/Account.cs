namespace SolarEvents.Domain.Accounts;

public enum AccountStatus
{
    Active,
    Suspended,
    Closed,
    Erased,
}

/// <summary>
/// One customer. The state holds no personal data at all: no decision needs it, and keeping it out means
/// a snapshot of this aggregate can never leak it. Decisions are in Account.Decisions.cs.
/// </summary>
public sealed partial record Account(Guid Id, AccountStatus Status, bool EmailVerified)
{
    public static Account Start(AccountRegistered e) => new(e.AccountId, AccountStatus.Active, EmailVerified: false);

    public Account When(AccountContactDetailsChanged e) => this;

    public Account When(AccountEmailVerified e) => this with { EmailVerified = true };

    public Account When(AccountSuspended e) => this with { Status = AccountStatus.Suspended };

    public Account When(AccountReactivated e) => this with { Status = AccountStatus.Active };

    public Account When(AccountClosed e) => this with { Status = AccountStatus.Closed };

    public Account When(AccountPersonalDataErased e) => this with { Status = AccountStatus.Erased };
}
