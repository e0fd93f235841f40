using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Application.Identity;

/// <summary>
/// Security events with stable event ids (alert rules and dashboards key on them) and a counter per kind.
/// Only opaque subject ids are logged: never an email address, a password, a code or a token.
/// </summary>
public sealed class SecurityEvents(ILogger<SecurityEvents> logger)
{
    public static readonly EventId SignInSucceeded = new(4001, nameof(SignInSucceeded));
    public static readonly EventId SignInFailed = new(4002, nameof(SignInFailed));
    public static readonly EventId LockedOut = new(4003, nameof(LockedOut));
    public static readonly EventId RefreshTokenReused = new(4004, nameof(RefreshTokenReused));
    public static readonly EventId AuthorizationDenied = new(4005, nameof(AuthorizationDenied));
    public static readonly EventId MfaEnrolled = new(4006, nameof(MfaEnrolled));
    public static readonly EventId RevokedTokenRefused = new(4007, nameof(RevokedTokenRefused));
    public static readonly EventId RegistrationRefused = new(4008, nameof(RegistrationRefused));
    public static readonly EventId RateLimited = new(4009, nameof(RateLimited));
    public static readonly EventId PasswordChanged = new(4010, nameof(PasswordChanged));
    public static readonly EventId BreakGlassGranted = new(4011, nameof(BreakGlassGranted));
    public static readonly EventId BreakGlassUsed = new(4012, nameof(BreakGlassUsed));
    public static readonly EventId AdminGranted = new(4013, nameof(AdminGranted));
    public static readonly EventId PaymentNotificationRefused = new(4014, nameof(PaymentNotificationRefused));

    public const string MeterName = "SolarEvents.Security";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>("solarevents.security.events");

    public void Record(EventId kind, Guid? subject, string reason)
    {
        Counter.Add(1, new KeyValuePair<string, object?>("event", kind.Name));
        logger.LogWarning(kind, "Security event {SecurityEvent} for subject {SubjectId}: {Reason}", kind.Name, subject, reason);
    }
}
