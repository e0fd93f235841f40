using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Identity;
using SolarEvents.Api.Queries;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Accounts.ChangingContactDetails;
using SolarEvents.Application.Accounts.VerifyingEmail;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Reauthenticating;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Accounts;

/// <summary><see cref="Contact"/> is null once the personal data was erased.</summary>
public sealed record MyAccount(
    Guid AccountId, string Status, bool EmailVerified, bool PersonalDataErased, DateTimeOffset RegisteredAt, long Version,
    ContactDetails? Contact);

/// <summary>The current password re-authenticates the customer: a stolen access token alone cannot redirect
/// their phone calls or installation visits.</summary>
public sealed record OwnContactDetailsBody(string Password, string Phone, string Address);

public sealed record EmailVerificationBody(string Code);

/// <summary>A customer's own account, from the MySQL read model, with their personal data opened for them; their
/// own change of phone and address; and the verification of their email address with the mailed code.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/me", GetMine).RequireCapability(Capability.OwnAccount);
        app.MapPost("/api/v1/accounts/me/contact-details", ChangeContactDetails)
            .RequireCapability(Capability.OwnAccount).RequireRateLimiting(RateLimiting.Mfa).Dispatches(typeof(ChangeOwnContactDetails));
        var verification = app.MapGroup("/api/v1/accounts/me/email-verification")
            .RequireCapability(Capability.OwnAccount).RequireRateLimiting(RateLimiting.Mfa);
        verification.MapPost("/", VerifyEmail).Dispatches(typeof(VerifyOwnEmail));
        verification.MapPost("/resend", ResendVerification).Dispatches(typeof(ResendEmailVerification));
    }

    /// <summary>200 with the account's new version; 400 when the code is wrong, used up or expired.</summary>
    private static async Task<IResult> VerifyEmail(EmailVerificationBody body, HttpContext http, CancellationToken cancellation)
    {
        var customer = http.Caller().Id;
        var outcome = await CommandDispatch.SendAsync<EmailVerificationOutcome>(http, new VerifyOwnEmail(customer, body.Code), customer, body, cancellation);
        return outcome.Changed is { } changed
            ? TypedResults.Ok(changed)
            : AuthEndpoints.Problem(StatusCodes.Status400BadRequest, ProblemTypes.InvalidCode, "Code not accepted",
                "The code is not right, was used up or has expired; ask for a new one at /api/v1/accounts/me/email-verification/resend.");
    }

    /// <summary>202: a new code is on its way, and the previous one no longer works.</summary>
    private static async Task<Accepted> ResendVerification(HttpContext http, CancellationToken cancellation)
    {
        var customer = http.Caller().Id;
        await CommandDispatch.SendAsync<Acknowledged>(http, new ResendEmailVerification(customer), customer, body: null, cancellation);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>200 with the account's new version; 403 when the password is wrong (it counts towards the lockout).</summary>
    private static async Task<IResult> ChangeContactDetails(
        OwnContactDetailsBody body, HttpContext http, Reauthentication reauthentication, CancellationToken cancellation)
    {
        var customer = http.Caller();
        if (!await reauthentication.ConfirmAsync(customer.Id, body.Password, "a contact details change", cancellation))
        {
            return AuthEndpoints.Problem(StatusCodes.Status403Forbidden, ProblemTypes.InvalidCredentials, "Re-authentication failed",
                "The password is not right.");
        }

        var command = new ChangeOwnContactDetails(customer.Id, body.Phone, body.Address);
        // The password stays out of what identifies the request for its idempotency key.
        return TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, command, customer.Id, body with { Password = "" }, cancellation));
    }

    private static async Task<Results<Ok<MyAccount>, NotFound>> GetMine(
        HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataReveal reveal, CancellationToken cancellation)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == customer.Id, cancellation);
        if (account is null) return TypedResults.NotFound();
        return TypedResults.Ok(new MyAccount(account.AccountId, account.Status, account.EmailVerified, account.PersonalDataErased,
            account.RegisteredAt, account.Version, await reveal.ForOwnerAsync(account.Sealed(), cancellation)));
    }
}
