using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Mfa;

namespace SolarEvents.Api.Identity;

public sealed record TotpEnrolmentRequest(string Password);

public sealed record TotpConfirmationRequest(string Code);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>A signed-in user's own authenticator: start (re-authenticating with the password), then confirm.</summary>
public static class MfaEndpoints
{
    public static void MapMfaEndpoints(this IEndpointRouteBuilder app)
    {
        var mfa = app.MapGroup("/api/v1/auth/mfa").RequireCapability(Capability.OwnCredentials).RequireRateLimiting(RateLimiting.Mfa);
        mfa.MapPost("/totp", Start);
        mfa.MapPost("/totp/confirm", Confirm);
    }

    private static async Task<IResult> Start(TotpEnrolmentRequest body, HttpContext http, TotpEnrolment enrolment, CancellationToken cancellation) =>
        body.Password.Length <= 1024 && await enrolment.StartAsync(Actor.From(http.User)!.Id, body.Password, cancellation) is { } started
            ? TypedResults.Ok(started)
            : AuthEndpoints.Problem(StatusCodes.Status403Forbidden, ProblemTypes.InvalidCredentials, "Re-authentication failed",
                "The password is not right.");

    private static async Task<IResult> Confirm(TotpConfirmationRequest body, HttpContext http, TotpEnrolment enrolment, CancellationToken cancellation) =>
        await enrolment.ConfirmAsync(Actor.From(http.User)!.Id, body.Code, cancellation) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : AuthEndpoints.Problem(StatusCodes.Status400BadRequest, ProblemTypes.InvalidCode, "Code not accepted",
                "The code does not match the new authenticator, or it was used already. Start again if it keeps failing.");
}
