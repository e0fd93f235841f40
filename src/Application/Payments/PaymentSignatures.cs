using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SolarEvents.Application.Payments;

/// <summary>Section <c>Payments</c>: the secrets shared with the payment provider (two during a rotation) and how old a
/// signed report may be.</summary>
public sealed class PaymentSettings
{
    public const string Section = "Payments";

    /// <summary>Active signing secrets; a report signed with any of them is accepted.</summary>
    public List<string> SigningSecrets { get; set; } = [];

    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A secret shorter than this could be guessed; an empty one would let anyone sign.</summary>
    public const int MinSecretLength = 24;

    /// <summary>Refuses to start with a blank or short secret: a report signed with it would be anyone's to forge.</summary>
    public static PaymentSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<PaymentSettings>() ?? new PaymentSettings();
        if (settings.SigningSecrets.Any(secret => string.IsNullOrWhiteSpace(secret) || secret.Length < MinSecretLength))
            throw new InvalidOperationException($"Every Payments:SigningSecrets entry must be at least {MinSecretLength} characters.");
        return settings;
    }
}

/// <summary>Proof that a report's signature was checked: only <see cref="PaymentSignatures"/> makes one.</summary>
public sealed class VerifiedSignature
{
    internal VerifiedSignature()
    {
    }
}

/// <summary>Why a report was refused before its content was looked at.</summary>
public sealed class PaymentSignatureRefusedException(string reason) : Exception("The payment report's signature was refused.")
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Checks a payment provider's report the way the large providers sign theirs: header
/// <c>Payment-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is HMAC-SHA256 over
/// <c>t + "." + raw body</c> with a shared secret. Compared in constant time; a timestamp further than the tolerance
/// from now (either way) is refused, so a captured report cannot be replayed later.
/// </summary>
public sealed class PaymentSignatures(PaymentSettings settings, TimeProvider clock)
{
    public const string Header = "Payment-Signature";

    public VerifiedSignature Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (settings.SigningSecrets.Count == 0) throw new PaymentSignatureRefusedException("no signing secret is configured");
        if (string.IsNullOrWhiteSpace(header)) throw new PaymentSignatureRefusedException("no signature");
        var parts = header.Split(',', StringSplitOptions.TrimEntries);
        var timestamp = parts.Select(p => p.StartsWith("t=", StringComparison.Ordinal) ? p[2..] : null).OfType<string>().FirstOrDefault();
        var signatures = parts.Where(p => p.StartsWith("v1=", StringComparison.Ordinal)).Select(p => p[3..]).ToList();
        if (timestamp is null || signatures.Count == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new PaymentSignatureRefusedException("a malformed signature header");

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if ((clock.GetUtcNow() - signedAt).Duration() > settings.Tolerance) throw new PaymentSignatureRefusedException("a stale timestamp");

        foreach (var secret in settings.SigningSecrets)
        {
            var expected = Mac(secret, timestamp, body);
            foreach (var sent in signatures)
            {
                if (sent.Length == expected.Length * 2 && IsHex(sent)
                    && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(sent)))
                    return new VerifiedSignature();
            }
        }

        throw new PaymentSignatureRefusedException("a signature that matches no active secret");
    }

    /// <summary>The header value for a body, as the provider computes it (the demo script and tests sign this way).</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>HMAC-SHA256 of <c>timestamp + "." + body</c> under the secret.</summary>
    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool IsHex(string text) => text.All(Uri.IsHexDigit);
}

public static class PaymentServices
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PaymentSettings.From(configuration));
        services.AddSingleton<PaymentSignatures>();
        services.AddScoped<PaymentNotifications>();
        return services;
    }
}
