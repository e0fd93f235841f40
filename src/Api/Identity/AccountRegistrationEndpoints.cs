using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity.Registering;

namespace SolarEvents.Api.Identity;

/// <summary>Name, phone and address are optional at registration; the customer can add them later.</summary>
public sealed record RegistrationRequest(string Email, string Password, string? Name = null, string? Phone = null, string? Address = null);

public sealed record RegistrationAccepted(string Status, string Next);

public static class AccountRegistrationEndpoints
{
    public static void MapAccountRegistrationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/accounts", Register).AllowAnonymous().RequireRateLimiting(RateLimiting.Registration).Dispatches(typeof(RegisterCustomer));

    /// <summary>202 with the same body whether the address was new or taken: no finding out who is a customer.
    /// The password stays out of what identifies the request for its idempotency key.</summary>
    private static async Task<Accepted<RegistrationAccepted>> Register(
        RegistrationRequest body, HttpContext http, CustomerRegistration registration, CancellationToken cancellation)
    {
        var form = new RegistrationForm(body.Email, body.Password, body.Name, body.Phone, body.Address);
        await registration.RegisterAsync(form, CommandDispatch.KeyOf(http, body with { Password = "" }), cancellation);
        return TypedResults.Accepted("/api/v1/auth/token",
            new RegistrationAccepted("accepted", "Sign in at /api/v1/auth/token with the email address and password."));
    }
}
