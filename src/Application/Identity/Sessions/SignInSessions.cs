using System.Linq.Expressions;
using System.Security.Cryptography;
using JasperFx;
using SolarEvents.Application.Identity.Credentials;

namespace SolarEvents.Application.Identity.Sessions;

/// <summary>A signed-in session: its id (the access tokens' <c>sid</c>) and the refresh token to continue it.</summary>
public sealed record SessionGrant(Guid UserId, string Role, Guid SessionId, string RefreshToken);

/// <summary>Starts, continues (rotating the refresh token) and ends sessions. The API mints the access tokens.</summary>
public sealed class SignInSessions(
    IDocumentStore store, CredentialStore credentials, EmployeeRoles employeeRoles, TokenRevocation revocation,
    SecurityEvents security, IdentityOptions options, TimeProvider clock)
{
    public async Task<SessionGrant> StartAsync(Guid userId, string role, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var grant = Issue(session, userId, role, Guid.CreateVersion7());
        await session.SaveChangesAsync(cancellation);
        return grant;
    }

    /// <summary>Trades a refresh token for a new one in the same family; null when it is not (or no longer) valid.</summary>
    public async Task<SessionGrant?> RefreshAsync(string refreshToken, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<RefreshToken>(HashOf(refreshToken), cancellation);
        if (stored is null) return null;
        var now = clock.GetUtcNow();
        if (stored.UsedAt is not null || stored.RevokedAt is not null)
        {
            await EndFamilyAsync(stored, "refresh token reused", cancellation);
            return null;
        }

        if (now >= stored.ExpiresAt || !await StillEntitledAsync(stored.UserId, stored.Role, cancellation)) return null;

        session.Store(stored with { UsedAt = now });
        var grant = Issue(session, stored.UserId, stored.Role, stored.FamilyId);
        try
        {
            await session.SaveChangesAsync(cancellation);
            return grant;
        }
        catch (ConcurrencyException)
        {
            // Two uses of one token raced: the loser is a reuse.
            await EndFamilyAsync(stored, "refresh token reused concurrently", cancellation);
            return null;
        }
    }

    /// <summary>Logout: ends the refresh token's family and the access tokens issued in it.</summary>
    public async Task EndAsync(string refreshToken, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<RefreshToken>(HashOf(refreshToken), cancellation);
        if (stored is not null) await EndFamilyAsync(stored, reuse: null, cancellation);
    }

    /// <summary>Offboarding, disabling, role revocation: every session of the user ends.</summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellation)
    {
        await RevokeAsync(t => t.UserId == userId && t.RevokedAt == null, cancellation);
        revocation.Forget(userId);
    }

    private SessionGrant Issue(IDocumentSession session, Guid userId, string role, Guid familyId)
    {
        var raw = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        session.Store(new RefreshToken
        {
            Id = HashOf(raw), FamilyId = familyId, UserId = userId, Role = role,
            IssuedAt = now, ExpiresAt = now.AddDays(options.RefreshTokenDays),
        });
        return new SessionGrant(userId, role, familyId, raw);
    }

    /// <summary>Revokes the matching tokens; a token rotated at the same moment makes the save lose the race,
    /// and the query runs again so that its successor is revoked too.</summary>
    private async Task RevokeAsync(Expression<Func<RefreshToken, bool>> which, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            foreach (var token in await session.Query<RefreshToken>().Where(which).ToListAsync(cancellation))
                session.Store(token with { RevokedAt = now });
            try
            {
                await session.SaveChangesAsync(cancellation);
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // Read again: the tokens changed under us.
            }
        }
    }

    private async Task<bool> StillEntitledAsync(Guid userId, string role, CancellationToken cancellation)
    {
        var credential = await credentials.FindAsync(userId, cancellation);
        if (credential is null || credential.Disabled) return false;
        return credential.Kind == PrincipalKind.Customer
            ? role == Roles.Customer
            : (await employeeRoles.CurrentAsync(userId, cancellation)).Contains(role);
    }

    private async Task EndFamilyAsync(RefreshToken member, string? reuse, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        await RevokeAsync(t => t.FamilyId == member.FamilyId && t.RevokedAt == null, cancellation);

        var keepSince = now.AddMinutes(-options.AccessTokenMinutes);
        await credentials.UpdateAsync(member.UserId, c => c with
        {
            EndedSessions = [.. c.EndedSessions.Where(s => s.EndedAt > keepSince), new EndedSession(member.FamilyId, now)],
        }, cancellation);
        revocation.Forget(member.UserId);
        if (reuse is not null) security.Record(SecurityEvents.RefreshTokenReused, member.UserId, reuse);
    }

    private static string HashOf(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
