using JasperFx;
using Microsoft.Extensions.Logging;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity.ResettingPassword;

/// <summary>
/// A customer who forgot their password gets a one-time code by mail and sets a new password with it. The reset ends
/// every session and lifts a lockout; a second factor, if enrolled, is still asked at the next sign-in. Employees do
/// not reset this way (their addresses get no mail): an admin re-issues their access.
/// </summary>
public sealed class PasswordReset(
    IDocumentStore store, CredentialStore credentials, BlindIndex blindIndex, PersonalDataKeys keys, PasswordHasher hasher,
    SignInSessions sessions, IdentityOptions options, SecurityEvents security, TimeProvider clock, ILogger<PasswordReset> logger)
{
    /// <summary>One mail a minute at most, however often someone asks for that address.</summary>
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private TimeSpan ValidFor => TimeSpan.FromMinutes(options.PasswordResetCodeMinutes);

    /// <summary>Mails a code when the address is a customer's who can sign in; otherwise does nothing. Runs in the
    /// background (<see cref="PasswordResetRequests"/>), so the caller's answer never depends on which it was.</summary>
    public async Task RequestAsync(string email, CancellationToken cancellation)
    {
        var login = blindIndex.OfEmail(email);
        await using var session = store.LightweightSession();
        var credential = await session.Query<Credential>().FirstOrDefaultAsync(c => c.LoginIndex == login, cancellation);
        var now = clock.GetUtcNow();
        if (credential is not { Kind: PrincipalKind.Customer, Disabled: false }) return;
        if (credential.PasswordReset is { } current && current.ExpiresAt - ValidFor > now - MinimumInterval) return;

        var key = await keys.GetAsync(credential.Id, cancellation);
        var code = CustomerMails.QueuePasswordReset(session, key, key.Seal(BlindIndex.NormalizeEmail(email)), ValidFor, now);
        session.Store(credential with { PasswordReset = code });
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            logger.LogInformation("Password reset for {UserId} not sent: the credential changed meanwhile", credential.Id);
        }
    }

    /// <summary>False for an unknown address, a wrong, used or expired code, or an account that cannot sign in (one
    /// answer for all). A wrong code counts against it: after five it is void.</summary>
    public async Task<bool> ResetAsync(string email, string code, string newPassword, CancellationToken cancellation)
    {
        var credential = await credentials.FindByLoginAsync(email, cancellation);
        var newHash = hasher.Hash(newPassword); // before any check: the same work whether or not the address exists
        var now = clock.GetUtcNow();
        var reset = false;
        if (credential is not null)
        {
            await credentials.UpdateAsync(credential.Id, c =>
            {
                if (c is not { Kind: PrincipalKind.Customer, Disabled: false, PasswordReset: { } mailed }) return null;
                reset = mailed.Matches(code, now);
                return reset
                    ? c with { PasswordHash = newHash, PasswordReset = null, TokensValidAfter = now, FailedAttempts = 0, LockedUntil = null }
                    : c with { PasswordReset = mailed.Missed() };
            }, cancellation);
        }

        if (!reset)
        {
            security.Record(SecurityEvents.SignInFailed, credential?.Id, "password reset refused");
            return false;
        }

        await sessions.EndAllAsync(credential!.Id, cancellation);
        security.Record(SecurityEvents.PasswordChanged, credential.Id, "reset with a mailed code; all sessions ended");
        return true;
    }
}
