using Microsoft.IdentityModel.Tokens;

namespace SolarEvents.Api.Authentication;

/// <summary>
/// Configuration section "Auth". Either <see cref="SigningKey"/> (the built-in issuer; base64 of at least
/// 32 random bytes, supplied by environment or a secret store, never committed) or <see cref="Authority"/>
/// (an external OpenID Connect provider) must be set.
/// </summary>
public sealed class TokenSettings
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "solarevents";

    public string Audience { get; set; } = "solarevents-api";

    public string? SigningKey { get; set; }

    public string? Authority { get; set; }

    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>Access tokens live minutes, never more than 15 (ASVS 7.x; revocation relies on it too).</summary>
    public int ValidatedAccessTokenMinutes => AccessTokenMinutes is >= 1 and <= 15
        ? AccessTokenMinutes
        : throw new InvalidOperationException("Auth:AccessTokenMinutes must be between 1 and 15.");

    public SymmetricSecurityKey CreateSigningKey()
    {
        var bytes = Convert.FromBase64String(SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured."));
        if (bytes.Length < 32) throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes.");
        return new SymmetricSecurityKey(bytes);
    }
}
