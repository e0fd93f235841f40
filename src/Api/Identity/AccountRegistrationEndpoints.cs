using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Registering;
using SolarEvents.Application.Messaging;
using Wolverine;

namespace SolarEvents.Api.Identity;

/// <summary>Name, phone and address are optional at registration; the customer can add them later.</summary>
public sealed record RegistrationRequest(string Email, string Password, string? Name = null, string? Phone = null, string? Address = null);

public sealed record RegistrationAccepted(string Status, string Next);

public static class AccountRegistrationEndpoints
{
    public static void MapAccountRegistrationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/accounts", Register).AllowAnonymous().RequireRateLimiting(RateLimiting.Registration);

    /// <summary>202 with the same body whether the address was new or taken: no finding out who is a customer.</summary>
    private static async Task<Accepted<RegistrationAccepted>> Register(
        RegistrationRequest body, PasswordHasher hasher, IMessageBus bus, CancellationToken cancellation)
    {
        if (PasswordPolicy.Check(body.Password) is { Count: > 0 } problems)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["Password"] = [.. problems] });

        var command = new RegisterCustomer(
            Guid.CreateVersion7(), body.Email, hasher.Hash(body.Password), body.Name ?? "", body.Phone ?? "", body.Address ?? "");
        try
        {
            await bus.InvokeAsync<RegistrationOutcome>(command, cancellation);
        }
        catch (MartenCommandException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same address registered concurrently: answered like any taken address.
        }

        return TypedResults.Accepted("/api/v1/auth/token",
            new RegistrationAccepted("accepted", "Sign in at /api/v1/auth/token with the email address and password."));
    }
}
