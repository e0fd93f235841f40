namespace SolarEvents.Application.Identity;

/// <summary>Configuration section "Auth:Identity": lifetimes and lockout.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Auth:Identity";

    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>Consecutive failures before the first lockout; each further failure doubles it.</summary>
    public int LockoutThreshold { get; set; } = 5;

    public int LockoutBaseSeconds { get; set; } = 30;

    public int LockoutMaxMinutes { get; set; } = 30;

    /// <summary>How long a user's revocation state is cached: the most a revocation takes to reach other instances.</summary>
    public int RevocationCacheSeconds { get; set; } = 15;

    /// <summary>An access token outlives its session by at most this long, so ended sessions are kept this long.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    public int ActivationCodeHours { get; set; } = 72;

    public int EmailVerificationCodeHours { get; set; } = 24;

    /// <summary>Short: the code replaces the password, and whoever asked is waiting for the mail.</summary>
    public int PasswordResetCodeMinutes { get; set; } = 30;

    public TimeSpan LockoutFor(int failures)
    {
        var over = failures - LockoutThreshold;
        if (over < 0) return TimeSpan.Zero;
        var seconds = LockoutBaseSeconds * Math.Pow(2, Math.Min(over, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, LockoutMaxMinutes * 60));
    }
}
