using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// Keyed blind indexes: HMAC-SHA256 of a normalized email address or phone number, so the login and staff
/// search can find a customer without the value ever being stored in the clear. Equal inputs give equal
/// indexes (that is the point); without the key, an index reveals nothing and cannot be checked against a guess.
/// </summary>
public sealed class BlindIndex(PersonalDataOptions options)
{
    private readonly byte[] key = ConfiguredMasterKeys.DecodeKey(
        options.BlindIndexKey ?? throw new InvalidOperationException("PersonalData:BlindIndexKey is required."),
        "PersonalData:BlindIndexKey");

    public string OfEmail(string email) => Compute("email", NormalizeEmail(email));

    /// <summary>Null for an empty number: there is nothing to find it by.</summary>
    public string? OfPhone(string phone) => NormalizePhone(phone) is { Length: > 0 } digits ? Compute("phone", digits) : null;

    /// <summary>Case and surrounding spaces never make two addresses different.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Digits only: "+49 170 123-4567" and "+491701234567" are the same number.</summary>
    public static string NormalizePhone(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));

    private string Compute(string kind, string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}:{normalized}")));
}
