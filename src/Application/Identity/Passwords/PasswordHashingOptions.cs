namespace SolarEvents.Application.Identity.Passwords;

/// <summary>Configuration section "Auth:PasswordHashing": Argon2id cost. The defaults are OWASP's minimum
/// (m=19 MiB, t=2, p=1); raise them here and stored hashes are upgraded as their owners sign in.</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "Auth:PasswordHashing";

    public int MemoryKiB { get; set; } = 19 * 1024;

    public int Iterations { get; set; } = 2;

    public int Parallelism { get; set; } = 1;
}
