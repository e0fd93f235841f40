using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Reauthenticating;
using SolarEvents.Application.Identity.Sessions;

namespace SolarEvents.Application.Identity.ChangingPassword;

/// <summary>
/// A signed-in user changes their password, re-authenticating with the current one (<see cref="Reauthentication"/>).
/// Every session ends, this one included: the user signs in again with the new password.
/// </summary>
public sealed class PasswordChange(
    CredentialStore credentials, PasswordHasher hasher, Reauthentication reauthentication, SignInSessions sessions,
    SecurityEvents security, TimeProvider clock)
{
    /// <summary>False when the current password is wrong or the account cannot change it now.</summary>
    public async Task<bool> ChangeAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellation)
    {
        if (!await reauthentication.ConfirmAsync(userId, currentPassword, "a password change", cancellation)) return false;

        var now = clock.GetUtcNow();
        var newHash = hasher.Hash(newPassword);
        await credentials.UpdateAsync(userId, c => c with { PasswordHash = newHash, TokensValidAfter = now, FailedAttempts = 0, LockedUntil = null }, cancellation);
        await sessions.EndAllAsync(userId, cancellation);
        security.Record(SecurityEvents.PasswordChanged, userId, "all sessions ended");
        return true;
    }
}
