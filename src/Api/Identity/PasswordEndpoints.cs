using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.ChangingPassword;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Identity;

public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);

/// <summary>A signed-in user's own password. Rate-limited per user like the MFA endpoints.</summary>
public static class PasswordEndpoints
{
    public static void MapPasswordEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/password", Change).RequireCapability(Capability.OwnCredentials).RequireRateLimiting(RateLimiting.Mfa);

    /// <summary>204 and every session ended (this one too); 403 when the current password is wrong.</summary>
    private static async Task<IResult> Change(PasswordChangeRequest body, HttpContext http, PasswordChange change, CancellationToken cancellation)
    {
        if (PasswordPolicy.Check(body.NewPassword) is { Count: > 0 } problems)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["NewPassword"] = [.. problems] });
        return await change.ChangeAsync(Actor.From(http.User)!.Id, body.CurrentPassword, body.NewPassword, cancellation)
            ? TypedResults.NoContent()
            : AuthEndpoints.Problem(StatusCodes.Status403Forbidden, ProblemTypes.InvalidCredentials, "Re-authentication failed",
                "The current password is not right.");
    }
}
