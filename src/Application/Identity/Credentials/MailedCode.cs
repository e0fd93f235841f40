using System.Security.Cryptography;
using System.Text;
using SolarEvents.Application.Identity.Mfa;

namespace SolarEvents.Application.Identity.Credentials;

/// <summary>
/// A one-time code sent by mail (email confirmation, password reset). Only its hash is kept; it lapses at
/// <see cref="ExpiresAt"/> and after <see cref="MaxAttempts"/> wrong tries, so its ~49 bits cannot be guessed.
/// </summary>
public sealed record MailedCode(string Hash, DateTimeOffset ExpiresAt, int WrongAttempts = 0)
{
    public const int MaxAttempts = 5;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A fresh code as the customer reads it (xxxxx-xxxxx), and what is stored of it.</summary>
    public static (string Code, MailedCode Stored) New(DateTimeOffset expiresAt)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 10).Insert(5, "-");
        return (code, new MailedCode(TotpCodes.HashCode(code), expiresAt));
    }

    public bool IsUsable(DateTimeOffset now) => now < ExpiresAt && WrongAttempts < MaxAttempts;

    public bool Matches(string offered, DateTimeOffset now) =>
        IsUsable(now) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(TotpCodes.HashCode(offered)), Encoding.ASCII.GetBytes(Hash));

    public MailedCode Missed() => this with { WrongAttempts = WrongAttempts + 1 };
}
