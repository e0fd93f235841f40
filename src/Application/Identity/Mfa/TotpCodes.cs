using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace SolarEvents.Application.Identity.Mfa;

/// <summary>RFC 6238 TOTP: SHA-1, 6 digits, 30 s steps, one step of drift either way. A code is accepted
/// only for a step later than the last one used, so each code works once.</summary>
public static class TotpCodes
{
    public const string Issuer = "SolarEvents";
    private const string RecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string Uri(string secret, string accountLabel) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(accountLabel)}" +
        $"?secret={secret}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The step the code belongs to, when it is valid now and newer than <paramref name="lastUsedStep"/>.</summary>
    public static long? MatchStep(string secret, string? code, long lastUsedStep, DateTimeOffset now)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) && step > lastUsedStep
            ? step
            : null;
    }

    /// <summary>Ten single-use recovery codes (about 49 bits each), shown once; only their hashes are stored.</summary>
    public static IReadOnlyList<string> NewRecoveryCodes() =>
        [.. Enumerable.Range(0, 10).Select(_ => RandomNumberGenerator.GetString(RecoveryAlphabet, 10).Insert(5, "-"))];

    /// <summary>Recovery and activation codes are long random strings, so a plain SHA-256 is enough to store them.</summary>
    public static string HashCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant())));
}
