using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.Accounts;

namespace SolarEvents.Api.Queries;

/// <summary>An account as an employee sees it, personal data in the clear (null once erased).</summary>
public sealed record StaffAccount(
    Guid AccountId, string Status, bool EmailVerified, bool PersonalDataErased, DateTimeOffset RegisteredAt, long Version,
    ContactDetails? Contact);

public static class StaffAccounts
{
    /// <summary>Records the employee's read of every account about to be shown, then opens them.</summary>
    public static async Task<IReadOnlyList<StaffAccount>> ShowAsync(
        IReadOnlyList<AccountView> accounts, PersonalDataReveal reveal, string purpose, CancellationToken cancellation)
    {
        var contacts = await reveal.ForEmployeeAsync([.. accounts.Select(a => a.Sealed())], purpose, cancellation);
        return [.. accounts.Select((a, i) => new StaffAccount(a.AccountId, a.Status, a.EmailVerified, a.PersonalDataErased, a.RegisteredAt,
            a.Version, contacts[i]))];
    }

    public static SealedContact Sealed(this AccountView account) =>
        new(account.AccountId, account.PersonalDataErased, account.Email, account.Name, account.Phone, account.Address);
}
