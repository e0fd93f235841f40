using Microsoft.Extensions.Caching.Memory;
using SolarEvents.Application.Identity.Credentials;

namespace SolarEvents.Application.Identity.Sessions;

/// <summary>
/// Decides whether a validly signed access token still speaks for its user: the user exists and is not
/// disabled, the token was issued after <see cref="Credential.TokensValidAfter"/>, and its session was not
/// ended. The state is cached per user for a few seconds, so most requests cost no database round trip;
/// this instance forgets the entry at once when it changes the state itself.
/// </summary>
public sealed class TokenRevocation(CredentialStore credentials, IMemoryCache cache, IdentityOptions options)
{
    private sealed record State(bool Active, DateTimeOffset ValidAfter, HashSet<Guid> EndedSessions);

    public async Task<bool> IsActiveAsync(Guid userId, Guid? sessionId, DateTimeOffset issuedAt, CancellationToken cancellation)
    {
        var state = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.RevocationCacheSeconds);
            var credential = await credentials.FindAsync(userId, cancellation);
            return credential is null
                ? new State(false, DateTimeOffset.MaxValue, [])
                : new State(!credential.Disabled, credential.TokensValidAfter, [.. credential.EndedSessions.Select(s => s.SessionId)]);
        });

        // "iat" has whole seconds: a token from the same second as the revocation is refused (the safe side), unless
        // its session began after the revocation (a sign-in right after a password reset or change).
        return state is { Active: true }
               && (issuedAt >= CeilingToSeconds(state.ValidAfter) || StartOf(sessionId) > state.ValidAfter)
               && (sessionId is not { } sid || !state.EndedSessions.Contains(sid));
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "token-revocation:" + userId;

    /// <summary>When a session began: its id is a version-7 GUID, which carries its creation time to the millisecond
    /// (truncated, so never later than the truth). A token without a session began at no known time.</summary>
    private static DateTimeOffset StartOf(Guid? sessionId)
    {
        if (sessionId is not { Version: 7 } sid) return DateTimeOffset.MinValue;
        Span<byte> bytes = stackalloc byte[16];
        sid.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = 0L;
        foreach (var b in bytes[..6]) milliseconds = (milliseconds << 8) | b;
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private static DateTimeOffset CeilingToSeconds(DateTimeOffset value)
    {
        var remainder = value.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? value : value.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
