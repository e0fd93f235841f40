using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Mfa;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity.SigningIn;

public sealed record SignInRequest(string Email, string Password, string? Totp, string? RecoveryCode, string? Role);

/// <summary>What a sign-in attempt came to. <see cref="Refused"/> is one answer for an unknown user, a wrong
/// password or code, a locked or disabled account: the caller cannot tell them apart.</summary>
public abstract record SignInOutcome
{
    public sealed record Succeeded(Guid UserId, string Role) : SignInOutcome;

    public sealed record Refused : SignInOutcome;

    /// <summary>The password was right; a TOTP (or recovery) code is needed too.</summary>
    public sealed record MfaRequired : SignInOutcome;

    /// <summary>Both factors were right, the employee holds several roles and must pick one for this session.</summary>
    public sealed record RoleRequired(IReadOnlyList<string> Roles) : SignInOutcome;
}

/// <summary>
/// The password grant: password (Argon2id, rehashed when the parameters rose), then TOTP when enrolled and
/// always for employees, with per-account failure counting and exponential lockout.
/// </summary>
public sealed class PasswordSignIn(
    CredentialStore credentials, PasswordHasher hasher, EmployeeRoles employeeRoles, PersonalDataKeys keys,
    SecurityEvents security, IdentityOptions options, TimeProvider clock)
{
    public async Task<SignInOutcome> SignInAsync(SignInRequest request, CancellationToken cancellation)
    {
        var credential = await credentials.FindByLoginAsync(request.Email, cancellation);
        var now = clock.GetUtcNow();
        if (credential?.PasswordHash is not { } hash || credential.Disabled || credential.IsLocked(now))
        {
            hasher.VerifyAgainstDummy(request.Password); // the same work as a real check: no timing oracle
            security.Record(SecurityEvents.SignInFailed, credential?.Id, credential is null ? "unknown login" : "disabled or locked");
            return new SignInOutcome.Refused();
        }

        var password = hasher.Verify(request.Password, hash);
        if (!password.Matches) return await FailAsync(credential, "wrong password", cancellation);

        // The TOTP secrets are sealed with the principal's data key; it is fetched only once the password matched.
        var totpKey = credential.Totp is { Secret: null, PendingSecret: null } ? null : await keys.GetAsync(credential.Id, cancellation);
        var mfa = CheckSecondFactor(credential, totpKey, request, now);
        if (mfa is SecondFactor.Missing) return new SignInOutcome.MfaRequired();
        if (mfa is SecondFactor.Wrong) return await FailAsync(credential, "wrong second factor", cancellation);

        var roles = credential.Kind == PrincipalKind.Customer
            ? [Roles.Customer]
            : await employeeRoles.CurrentAsync(credential.Id, cancellation);
        if (roles.Count == 0) return await FailAsync(credential, "no role held", cancellation);
        var role = request.Role is { } wanted ? roles.FirstOrDefault(r => r == wanted) : roles.Count == 1 ? roles[0] : null;
        if (role is null) return new SignInOutcome.RoleRequired(roles);

        var newHash = password.NeedsRehash ? hasher.Hash(request.Password) : null;
        var saved = await credentials.UpdateAsync(credential.Id, current => Succeed(current, mfa, newHash), cancellation);
        if (saved is null) return await FailAsync(credential, "second factor raced", cancellation);
        security.Record(SecurityEvents.SignInSucceeded, credential.Id, "password" + (mfa is SecondFactor.Passed ? " and second factor" : ""));
        return new SignInOutcome.Succeeded(credential.Id, role);
    }

    private abstract record SecondFactor
    {
        public sealed record NotNeeded : SecondFactor;

        public sealed record Missing : SecondFactor;

        public sealed record Wrong : SecondFactor;

        /// <summary>A TOTP step (confirming a pending enrolment if that is what matched) or a recovery code.</summary>
        public sealed record Passed(long? Step, bool ConfirmsPending, string? RecoveryCodeHash) : SecondFactor;
    }

    private static SecondFactor CheckSecondFactor(Credential credential, DataKey? totpKey, SignInRequest request, DateTimeOffset now)
    {
        var totp = credential.Totp;
        if (!totp.Enrolled && credential.Kind == PrincipalKind.Customer) return new SecondFactor.NotNeeded();
        if (request.Totp is null && request.RecoveryCode is null) return new SecondFactor.Missing();
        if (request.RecoveryCode is { } recovery)
        {
            var hash = TotpCodes.HashCode(recovery);
            return totp.RecoveryCodeHashes.Contains(hash) ? new SecondFactor.Passed(null, false, hash) : new SecondFactor.Wrong();
        }

        // An employee's first sign-in after activation confirms the secret they were given.
        var (secret, pending) = totp.Secret is { } confirmed ? (confirmed, false) : (totp.PendingSecret, true);
        if (secret is null || totpKey is null) return new SecondFactor.Wrong();
        return TotpCodes.MatchStep(totpKey.Open(secret), request.Totp, totp.LastUsedStep, now) is { } step
            ? new SecondFactor.Passed(step, pending, null)
            : new SecondFactor.Wrong();
    }

    /// <summary>Runs again on a fresh copy after a lost race, so a step or recovery code is used only once.</summary>
    private static Credential? Succeed(Credential current, SecondFactor mfa, string? newHash)
    {
        var totp = current.Totp;
        if (mfa is SecondFactor.Passed passed)
        {
            if (passed.Step is { } step && step <= totp.LastUsedStep) return null;
            if (passed.RecoveryCodeHash is { } used && !totp.RecoveryCodeHashes.Contains(used)) return null;
            totp = totp with
            {
                LastUsedStep = passed.Step ?? totp.LastUsedStep,
                Secret = passed.ConfirmsPending ? totp.PendingSecret : totp.Secret,
                PendingSecret = passed.ConfirmsPending ? null : totp.PendingSecret,
                RecoveryCodeHashes = [.. totp.RecoveryCodeHashes.Where(h => h != passed.RecoveryCodeHash)],
            };
        }

        return current with { FailedAttempts = 0, LockedUntil = null, Totp = totp, PasswordHash = newHash ?? current.PasswordHash };
    }

    private async Task<SignInOutcome> FailAsync(Credential credential, string reason, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var saved = await credentials.UpdateAsync(credential.Id, current =>
        {
            var failures = current.FailedAttempts + 1;
            var lockout = options.LockoutFor(failures);
            return current with { FailedAttempts = failures, LockedUntil = lockout > TimeSpan.Zero ? now + lockout : current.LockedUntil };
        }, cancellation);
        security.Record(SecurityEvents.SignInFailed, credential.Id, reason);
        if (saved?.IsLocked(now) == true) security.Record(SecurityEvents.LockedOut, credential.Id, $"{saved.FailedAttempts} failures");
        return new SignInOutcome.Refused();
    }
}
