using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SolarEvents.Api.Authentication;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity.Activating;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.ResettingPassword;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Identity.SigningIn;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Identity;

public sealed record TokenRequest(string Email, string Password, string? Totp = null, string? RecoveryCode = null, string? Role = null);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ActivationRequest(string Email, string ActivationCode, string NewPassword);

public sealed record PasswordResetRequest(string Email);

public sealed record PasswordResetConfirmation(string Email, string Code, string NewPassword);

public sealed record PasswordResetAccepted(string Status, string Next);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, string Role);

/// <summary>The built-in token service. Anonymous by necessity (see the allowlist in docs/security.md) and rate-limited.</summary>
public static class AuthEndpoints
{
    private const int MaxInput = 1024;

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").AllowAnonymous().RequireRateLimiting(RateLimiting.Auth);
        auth.MapPost("/token", Token);
        auth.MapPost("/refresh", Refresh);
        auth.MapPost("/logout", Logout);
        auth.MapPost("/activate", Activate);
        auth.MapPost("/password-reset", RequestReset);
        auth.MapPost("/password-reset/confirm", ConfirmReset);
    }

    private static async Task<IResult> Token(
        TokenRequest body, PasswordSignIn signIn, SignInSessions sessions, AccessTokenIssuer issuer, HttpContext http,
        CancellationToken cancellation)
    {
        if (body.Email.Length > MaxInput || body.Password.Length > MaxInput) return InvalidCredentials();
        var result = await signIn.SignInAsync(
            new SignInRequest(body.Email, body.Password, body.Totp, body.RecoveryCode, body.Role), cancellation);
        return result switch
        {
            SignInOutcome.Succeeded ok => Issue(await sessions.StartAsync(ok.UserId, ok.Role, cancellation), issuer, http),
            SignInOutcome.MfaRequired => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.MfaRequired, "Second factor required",
                "Send the current code from your authenticator app (totp) or a recovery code (recoveryCode)."),
            SignInOutcome.RoleRequired choice => Problem(StatusCodes.Status400BadRequest, ProblemTypes.RoleRequired, "Choose a role",
                "You hold several roles: send the one to act in for this session (role).", ("roles", choice.Roles)),
            _ => InvalidCredentials(),
        };
    }

    private static async Task<IResult> Refresh(
        RefreshRequest body, SignInSessions sessions, AccessTokenIssuer issuer, HttpContext http, CancellationToken cancellation) =>
        body.RefreshToken.Length <= MaxInput && await sessions.RefreshAsync(body.RefreshToken, cancellation) is { } grant
            ? Issue(grant, issuer, http)
            : InvalidCredentials();

    /// <summary>Always 204: whether the token was known is nobody's business.</summary>
    private static async Task<NoContent> Logout(RefreshRequest body, SignInSessions sessions, CancellationToken cancellation)
    {
        if (body.RefreshToken.Length <= MaxInput) await sessions.EndAsync(body.RefreshToken, cancellation);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Activate(ActivationRequest body, EmployeeActivation activation, CancellationToken cancellation)
    {
        if (PasswordPolicy.Check(body.NewPassword) is { Count: > 0 } problems)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["NewPassword"] = [.. problems] });
        if (body.Email.Length > MaxInput || body.ActivationCode.Length > MaxInput) return InvalidCredentials();
        return await activation.ActivateAsync(body.Email, body.ActivationCode, body.NewPassword, cancellation) is { } started
            ? TypedResults.Ok(started)
            : InvalidCredentials();
    }

    /// <summary>Always 202, at once: whether the address belongs to a customer is nobody's business.</summary>
    private static Accepted<PasswordResetAccepted> RequestReset(PasswordResetRequest body, PasswordResetRequests requests)
    {
        if (body.Email.Length <= MaxInput) requests.Enqueue(body.Email);
        return TypedResults.Accepted("/api/v1/auth/password-reset/confirm", new PasswordResetAccepted("accepted",
            "If the address belongs to an account, a code is on its way; send it with a new password to /api/v1/auth/password-reset/confirm."));
    }

    /// <summary>204 and every session ended; 401 with the sign-in answer for anything that does not fit.</summary>
    private static async Task<IResult> ConfirmReset(PasswordResetConfirmation body, PasswordReset reset, CancellationToken cancellation)
    {
        if (PasswordPolicy.Check(body.NewPassword) is { Count: > 0 } problems)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["NewPassword"] = [.. problems] });
        if (body.Email.Length > MaxInput || body.Code.Length > MaxInput) return InvalidCredentials();
        return await reset.ResetAsync(body.Email, body.Code, body.NewPassword, cancellation) ? TypedResults.NoContent() : InvalidCredentials();
    }

    private static Ok<TokenResponse> Issue(SessionGrant grant, AccessTokenIssuer issuer, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var accessToken = issuer.Issue(grant.UserId, grant.Role, grant.SessionId);
        return TypedResults.Ok(new TokenResponse(accessToken, "Bearer", issuer.LifetimeSeconds, grant.RefreshToken, grant.Role));
    }

    /// <summary>One answer for an unknown email, a wrong password or code, a locked or disabled account.</summary>
    internal static IResult InvalidCredentials() => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.InvalidCredentials,
        "Sign-in failed", "The credentials are not valid, or the account cannot sign in right now.");

    internal static IResult Problem(int status, string type, string title, string detail, (string Key, object Value)? extension = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (extension is { } extra) problem.Extensions[extra.Key] = extra.Value;
        return TypedResults.Problem(problem);
    }
}
