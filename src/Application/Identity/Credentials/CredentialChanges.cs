
namespace SolarEvents.Application.Identity.Credentials;

/// <summary>Changes a credential in a command's own session, so it commits with that command's events (unlike
/// <see cref="CredentialStore.UpdateAsync"/>, which saves on its own). No credential, no change.</summary>
internal static class CredentialChanges
{
    public static async Task InSessionAsync(IDocumentSession session, Guid id, Func<Credential, Credential> change, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Credential>(id, cancellation) is { } credential) session.Store(change(credential));
    }
}
