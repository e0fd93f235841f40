using JasperFx;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity.Credentials;

/// <summary>Reads credentials and changes them under optimistic concurrency, retrying a lost race, so
/// parallel sign-in attempts can never lose a failure count or reuse a TOTP step.</summary>
public sealed class CredentialStore(IDocumentStore store, BlindIndex blindIndex)
{
    private const int Attempts = 5;

    public async Task<Credential?> FindByLoginAsync(string email, CancellationToken cancellation)
    {
        var login = blindIndex.OfEmail(email);
        await using var session = store.QuerySession();
        return await session.Query<Credential>().FirstOrDefaultAsync(c => c.LoginIndex == login, cancellation);
    }

    public async Task<Credential?> FindAsync(Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Credential>(id, cancellation);
    }

    /// <summary>Applies <paramref name="change"/> to the current credential and saves it; the change runs again
    /// on a fresh copy when someone else saved in between. Returns the saved credential, or null when none
    /// exists or the change declined (returned null) on the current copy.</summary>
    public async Task<Credential?> UpdateAsync(Guid id, Func<Credential, Credential?> change, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var current = await session.LoadAsync<Credential>(id, cancellation);
            if (current is null) return null;
            if (change(current) is not { } changed) return null;
            session.Store(changed);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return changed;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed it first: read again and re-apply.
            }
        }
    }
}
