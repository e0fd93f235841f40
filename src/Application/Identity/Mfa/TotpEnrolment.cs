using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity.Mfa;

public sealed record TotpEnrolmentStarted(string Secret, string OtpAuthUri);

/// <summary>
/// A signed-in user adds (or replaces) an authenticator: re-authenticate with the password, receive a new
/// secret, confirm it with a code. Until confirmed, the current secret (if any) stays in force.
/// </summary>
public sealed class TotpEnrolment(
    CredentialStore credentials, PasswordHasher hasher, PersonalDataKeys keys, SecurityEvents security, TimeProvider clock)
{
    /// <summary>Null when the password is wrong.</summary>
    public async Task<TotpEnrolmentStarted?> StartAsync(Guid userId, string password, CancellationToken cancellation)
    {
        var credential = await credentials.FindAsync(userId, cancellation);
        if (credential?.PasswordHash is not { } hash || credential.Disabled || !hasher.Verify(password, hash).Matches)
        {
            security.Record(SecurityEvents.SignInFailed, userId, "re-authentication for MFA enrolment failed");
            return null;
        }

        var secret = TotpCodes.NewSecret();
        var key = await keys.GetAsync(userId, cancellation);
        await credentials.UpdateAsync(userId, c => c with { Totp = c.Totp with { PendingSecret = key.Seal(secret) } }, cancellation);
        // The label only tells the user's authenticator entries apart; the email address is not kept in the clear.
        return new TotpEnrolmentStarted(secret, TotpCodes.Uri(secret, $"{credential.Kind} {userId.ToString()[..8]}"));
    }

    /// <summary>The recovery codes (shown once) when the code matches the pending secret; otherwise null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(Guid userId, string code, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var recoveryCodes = TotpCodes.NewRecoveryCodes();
        var key = await keys.GetAsync(userId, cancellation);
        var saved = await credentials.UpdateAsync(userId, c =>
            c.Totp.PendingSecret is { } pending && TotpCodes.MatchStep(key.Open(pending), code, c.Totp.LastUsedStep, now) is { } step
                ? c with
                {
                    Totp = new TotpState
                    {
                        Secret = pending, LastUsedStep = step,
                        RecoveryCodeHashes = [.. recoveryCodes.Select(TotpCodes.HashCode)],
                    },
                }
                : null,
            cancellation);
        if (saved is null) return null;
        security.Record(SecurityEvents.MfaEnrolled, userId, "TOTP confirmed");
        return recoveryCodes;
    }
}
