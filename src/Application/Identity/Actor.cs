using System.Security.Claims;

namespace SolarEvents.Application.Identity;

/// <summary>Who is acting: taken from the authenticated principal, never from a request body.</summary>
public sealed record Actor(Guid Id, string Role)
{
    public static Actor? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var subject = principal.FindFirst(ClaimNames.Subject)?.Value;
        var role = principal.FindFirst(ClaimNames.Role)?.Value;
        return Guid.TryParse(subject, out var id) && role is not null && Roles.All.Contains(role)
            ? new Actor(id, role)
            : null;
    }
}

/// <summary>The caller of the command being handled, and the id that ties its effects together.
/// The API implements it from the HTTP request; other hosts supply their own.</summary>
public interface ICallerContext
{
    ClaimsPrincipal? Principal { get; }

    string CorrelationId { get; }
}
