using Marten;
using SolarEvents.Application.Identity.Credentials;

namespace SolarEvents.Application.Accounts.Amending;

/// <summary>An account's sign-in follows its status: changed in the amendment's own session, so both commit together.</summary>
internal static class AccountCredentials
{
    public static async Task ChangeAsync(IDocumentSession session, Guid accountId, Func<Credential, Credential> change, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Credential>(accountId, cancellation) is { } credential) session.Store(change(credential));
    }
}
