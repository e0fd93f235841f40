using System.Text;

namespace SolarEvents.Application.Identity.Passwords;

/// <summary>
/// NIST 800-63B / ASVS 6.2: 12 to 128 characters (counted as Unicode code points), no composition rules,
/// and none of the most common breached passwords (the embedded list, compared case-insensitively).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Breached = new(LoadBreachedList);

    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password)
    {
        if (string.IsNullOrEmpty(password)) return ["A password is required."];
        var length = password.EnumerateRunes().Count();
        if (length < MinLength) return [$"Use at least {MinLength} characters."];
        if (length > MaxLength) return [$"Use at most {MaxLength} characters."];
        if (Breached.Value.Contains(password)) return ["This password is too common; choose another."];
        return [];
    }

    private static HashSet<string> LoadBreachedList()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("SolarEvents.CommonPasswords")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        }

        return set;
    }
}
