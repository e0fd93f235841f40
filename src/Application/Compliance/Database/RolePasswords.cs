using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace SolarEvents.Application.Compliance.Database;

/// <summary>
/// Sets a role's password the way <c>psql \password</c> does: the SCRAM-SHA-256 verifier is computed here and only
/// the verifier reaches the server, so the password never appears in a statement PostgreSQL could log. A role whose
/// stored verifier already matches the password is left alone (re-running the schema step changes nothing).
/// Needs a superuser (it reads <c>pg_authid</c>) or a role with CREATEROLE.
/// </summary>
public static partial class RolePasswords
{
    /// <summary>PostgreSQL's default <c>scram_iterations</c>.</summary>
    private const int Iterations = 4096;

    public static async Task<bool> SetAsync(NpgsqlDataSource superuser, string role, string password, CancellationToken cancellation = default)
    {
        var quoted = EventStoreRoles.QuoteRole(role);
        // PostgreSQL normalizes passwords with SASLprep before hashing; for printable ASCII that is the identity, so
        // the verifier computed here is the one the server would compute. Other passwords are refused, not guessed at.
        if (!PrintableAscii().IsMatch(password)) throw new ArgumentException("The password must be 1 to 256 printable ASCII characters.", nameof(password));

        await using (var current = superuser.CreateCommand("select rolpassword from pg_authid where rolname = $1"))
        {
            current.Parameters.AddWithValue(role);
            if (await current.ExecuteScalarAsync(cancellation) is string stored && Matches(stored, password)) return false;
        }

        // A verifier holds only base64, digits and the separators '$' and ':' (checked), so it is safe as a literal;
        // ALTER ROLE takes no parameters.
        var verifier = Verifier(password, RandomNumberGenerator.GetBytes(16), Iterations);
        if (!VerifierShape().IsMatch(verifier)) throw new InvalidOperationException("Unexpected SCRAM verifier.");
        await using var alter = superuser.CreateCommand($"alter role {quoted} password '{verifier}'");
        await alter.ExecuteNonQueryAsync(cancellation);
        return true;
    }

    /// <summary>RFC 5802 / 7677 as PostgreSQL stores it: <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c>.</summary>
    public static string Verifier(string password, byte[] salt, int iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    /// <summary>Whether a stored verifier was made from this password (recomputed with the stored salt and iterations).</summary>
    public static bool Matches(string stored, string password)
    {
        var match = VerifierShape().Match(stored);
        if (!match.Success) return false;
        var computed = Verifier(password, Convert.FromBase64String(match.Groups["salt"].Value), int.Parse(match.Groups["iterations"].Value,
            System.Globalization.CultureInfo.InvariantCulture));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(stored));
    }

    [GeneratedRegex(@"^SCRAM-SHA-256\$(?<iterations>[0-9]{1,9}):(?<salt>[A-Za-z0-9+/=]+)\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")]
    private static partial Regex VerifierShape();

    [GeneratedRegex("^[\x20-\x7E]{1,256}$")]
    private static partial Regex PrintableAscii();
}
