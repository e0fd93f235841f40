using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace SolarEvents.Application.Identity.Passwords;

/// <summary>The result of checking a password against a stored hash.</summary>
public readonly record struct PasswordCheck(bool Matches, bool NeedsRehash);

/// <summary>
/// Argon2id in the PHC string format, <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>, so every stored hash
/// carries the parameters it was made with. The whole password is hashed (UTF-8, no truncation).
/// </summary>
public sealed class PasswordHasher(PasswordHashingOptions options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private readonly Lazy<string> _dummy = new(() => new PasswordHasher(options).Hash("not-a-real-password-" + Guid.NewGuid()));

    public string Hash(string password)
    {
        var parameters = new Argon2Parameters(options.MemoryKiB, options.Iterations, options.Parallelism);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return parameters.Format(salt, Derive(password, salt, parameters, HashBytes));
    }

    public PasswordCheck Verify(string password, string storedHash)
    {
        if (!Argon2Parameters.TryParse(storedHash, out var parameters, out var salt, out var expected)) return default;
        var actual = Derive(password, salt, parameters, expected.Length);
        var matches = CryptographicOperations.FixedTimeEquals(actual, expected);
        return new PasswordCheck(matches, matches && parameters.IsWeakerThan(options));
    }

    /// <summary>Spends the same work as a real check, for callers whose user does not exist (no timing oracle).</summary>
    public void VerifyAgainstDummy(string password) => Verify(password, _dummy.Value);

    private static byte[] Derive(string password, byte[] salt, Argon2Parameters parameters, int length)
    {
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = parameters.MemoryKiB,
            Iterations = parameters.Iterations,
            DegreeOfParallelism = parameters.Parallelism,
        };
        return argon2.GetBytes(length);
    }
}

internal readonly record struct Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism)
{
    private const string Prefix = "$argon2id$v=19$";

    public bool IsWeakerThan(PasswordHashingOptions wanted) =>
        MemoryKiB < wanted.MemoryKiB || Iterations < wanted.Iterations || Parallelism < wanted.Parallelism;

    public string Format(byte[] salt, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={MemoryKiB},t={Iterations},p={Parallelism}${Encode(salt)}${Encode(hash)}");

    public static bool TryParse(string stored, out Argon2Parameters parameters, out byte[] salt, out byte[] hash)
    {
        parameters = default;
        salt = hash = [];
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 3) return false;
        var values = parts[0].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "");
        if (!TryInt(values, "m", out var m) || !TryInt(values, "t", out var t) || !TryInt(values, "p", out var p)) return false;
        try
        {
            salt = Decode(parts[1]);
            hash = Decode(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        parameters = new Argon2Parameters(m, t, p);
        return salt.Length >= 8 && hash.Length >= 16;
    }

    private static bool TryInt(Dictionary<string, string> values, string key, out int value)
    {
        value = 0;
        return values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    // PHC strings use unpadded standard base64.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
