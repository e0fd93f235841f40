namespace SolarEvents.Application.Identity.Credentials;

/// <summary>Email addresses compare case-insensitively and without surrounding spaces.</summary>
public static class LoginNames
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
