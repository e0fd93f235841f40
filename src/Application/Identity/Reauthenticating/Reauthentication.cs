using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;

namespace SolarEvents.Application.Identity.Reauthenticating;

/// <summary>
/// A signed-in user proves it is still them, with their password, before a sensitive change (password, phone,
/// address): a stolen access token alone is not enough. A wrong password counts towards the lockout like a failed
/// sign-in, so re-authentication cannot be used to guess passwords.
/// </summary>
public sealed class Reauthentication(
    CredentialStore credentials, PasswordHasher hasher, SecurityEvents security, IdentityOptions options, TimeProvider clock)
{
    /// <summary>False when the password is wrong or the account cannot act now (disabled or locked).</summary>
    public async Task<bool> ConfirmAsync(Guid userId, string password, string purpose, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var credential = await credentials.FindAsync(userId, cancellation);
        if (credential?.PasswordHash is { } hash && !credential.Disabled && !credential.IsLocked(now)
            && password.Length <= PasswordPolicy.MaxLength && hasher.Verify(password, hash).Matches)
        {
            return true;
        }

        await credentials.UpdateAsync(userId, c => c with
        {
            FailedAttempts = c.FailedAttempts + 1,
            LockedUntil = options.LockoutFor(c.FailedAttempts + 1) is { } lockout && lockout > TimeSpan.Zero ? now + lockout : c.LockedUntil,
        }, cancellation);
        security.Record(SecurityEvents.SignInFailed, userId, $"re-authentication for {purpose} failed");
        return false;
    }
}
