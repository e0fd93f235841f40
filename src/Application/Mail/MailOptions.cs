namespace SolarEvents.Application.Mail;

/// <summary>Configuration section "Mail": how mail reaches customers. Either an SMTP relay (<see cref="SmtpHost"/>)
/// or, for local work and tests, a pickup directory where each message lands as an .eml file.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "SolarEvents <no-reply@solarevents.local>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public string? PickupDirectory { get; set; }

    /// <summary>How often each instance looks for mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A mail the relay keeps refusing is given up after this many attempts (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 8;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}
