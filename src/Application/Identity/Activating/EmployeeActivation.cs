using System.Security.Cryptography;
using System.Text;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Mfa;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity.Activating;

/// <summary>
/// A new employee turns the one-time activation code an admin handed them into a password and an
/// authenticator secret. The secret is confirmed by their first sign-in with a code (TOTP is mandatory
/// for employees, so there is no sign-in without it).
/// </summary>
public sealed class EmployeeActivation(
    CredentialStore credentials, PasswordHasher hasher, PersonalDataKeys keys, SecurityEvents security, TimeProvider clock)
{
    /// <summary>Null when the email, the code or its validity does not fit (one answer for all of them).</summary>
    public async Task<TotpEnrolmentStarted?> ActivateAsync(string email, string activationCode, string newPassword, CancellationToken cancellation)
    {
        var credential = await credentials.FindByLoginAsync(email, cancellation);
        var newHash = hasher.Hash(newPassword); // before any check: the same work whether or not the email exists
        var now = clock.GetUtcNow();
        var secret = TotpCodes.NewSecret();
        var offered = Encoding.ASCII.GetBytes(TotpCodes.HashCode(activationCode));
        var key = credential is null ? null : await keys.GetAsync(credential.Id, cancellation);
        var saved = credential is null ? null : await credentials.UpdateAsync(credential.Id, c =>
            c is { Kind: PrincipalKind.Employee, Disabled: false, ActivationCodeHash: { } expected, ActivationExpiresAt: { } until }
            && now < until
            && CryptographicOperations.FixedTimeEquals(offered, Encoding.ASCII.GetBytes(expected))
                ? c with
                {
                    PasswordHash = newHash, ActivationCodeHash = null, ActivationExpiresAt = null,
                    Totp = new TotpState { PendingSecret = key!.Seal(secret) }, FailedAttempts = 0, LockedUntil = null,
                }
                : null,
            cancellation);
        if (saved is null)
        {
            security.Record(SecurityEvents.SignInFailed, credential?.Id, "activation refused");
            return null;
        }

        return new TotpEnrolmentStarted(secret, TotpCodes.Uri(secret, BlindIndex.NormalizeEmail(email)));
    }
}
