using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Sessions;

namespace SolarEvents.Application.Identity.ChangingPassword;

/// <summary>
/// A signed-in user changes their password, re-authenticating with the current one (a stolen access token
/// alone is not enough). Every session ends, this one included: the user signs in again with the new password.
/// A wrong current password counts towards the lockout like a failed sign-in.
/// </summary>
public sealed class PasswordChange(
    CredentialStore credentials, PasswordHasher hasher, SignInSessions sessions, SecurityEvents security,
    IdentityOptions options, TimeProvider clock)
{
    /// <summary>False when the current password is wrong or the account cannot change it now.</summary>
    public async Task<bool> ChangeAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var credential = await credentials.FindAsync(userId, cancellation);
        if (credential?.PasswordHash is not { } hash || credential.Disabled || credential.IsLocked(now)
            || !hasher.Verify(currentPassword, hash).Matches)
        {
            await credentials.UpdateAsync(userId, c => c with
            {
                FailedAttempts = c.FailedAttempts + 1,
                LockedUntil = options.LockoutFor(c.FailedAttempts + 1) is { } lockout && lockout > TimeSpan.Zero ? now + lockout : c.LockedUntil,
            }, cancellation);
            security.Record(SecurityEvents.SignInFailed, userId, "re-authentication for a password change failed");
            return false;
        }

        var newHash = hasher.Hash(newPassword);
        await credentials.UpdateAsync(userId, c => c with { PasswordHash = newHash, TokensValidAfter = now, FailedAttempts = 0, LockedUntil = null }, cancellation);
        await sessions.EndAllAsync(userId, cancellation);
        security.Record(SecurityEvents.PasswordChanged, userId, "all sessions ended");
        return true;
    }
}
