namespace SolarEvents.Application.Identity.Credentials;

public enum PrincipalKind
{
    Customer,
    Employee,
}

/// <summary>A session (refresh-token family) that was ended; remembered until its access tokens have expired.</summary>
public sealed record EndedSession(Guid SessionId, DateTimeOffset EndedAt);

/// <summary>
/// How a customer or an employee signs in. A Marten document, not an event: a password hash must be
/// deletable, and failure counters change too often to be history. <see cref="Id"/> is the account id or
/// the employee id. Who an employee is and which roles they hold comes from the Employee stream, not from here.
/// </summary>
public sealed record Credential
{
    public required Guid Id { get; init; }

    /// <summary>The blind index of the email address (<see cref="PersonalData.BlindIndex.OfEmail"/>); unique. The
    /// address itself is personal data and is kept only encrypted, in the account's or employee's events.</summary>
    public required string LoginIndex { get; init; }

    public required PrincipalKind Kind { get; init; }

    /// <summary>Argon2id PHC string; null until an onboarded employee sets a password.</summary>
    public string? PasswordHash { get; init; }

    public bool Disabled { get; init; }

    public int FailedAttempts { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Access tokens issued before this moment are refused (role revoked, offboarded, password changed).</summary>
    public DateTimeOffset TokensValidAfter { get; init; }

    public IReadOnlyList<EndedSession> EndedSessions { get; init; } = [];

    public TotpState Totp { get; init; } = new();

    /// <summary>SHA-256 of the one-time activation code an admin hands a new employee, and when it lapses.</summary>
    public string? ActivationCodeHash { get; init; }

    public DateTimeOffset? ActivationExpiresAt { get; init; }

    /// <summary>The code mailed to a new customer to verify their address; gone once verified.</summary>
    public MailedCode? EmailVerification { get; init; }

    /// <summary>The code mailed to a customer who forgot their password; gone once used.</summary>
    public MailedCode? PasswordReset { get; init; }

    /// <summary>Marten's optimistic-concurrency version: failure counters and TOTP steps never lose an update.</summary>
    public Guid Version { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;
}

/// <summary>
/// TOTP enrolment. <see cref="Secret"/> and <see cref="PendingSecret"/> are envelopes sealed with the principal's
/// data key (<see cref="PersonalData.PersonalDataKeys"/>), never base32 at rest. <see cref="LastUsedStep"/> makes
/// each code single-use.
/// </summary>
public sealed record TotpState
{
    public string? Secret { get; init; }

    public string? PendingSecret { get; init; }

    public long LastUsedStep { get; init; }

    public IReadOnlyList<string> RecoveryCodeHashes { get; init; } = [];

    public bool Enrolled => Secret is not null;
}
