using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Application.Identity;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Accounts;

/// <summary><see cref="Contact"/> is null once the personal data was erased.</summary>
public sealed record MyAccount(
    Guid AccountId, string Status, bool EmailVerified, bool PersonalDataErased, DateTimeOffset RegisteredAt, long Version,
    ContactDetails? Contact);

/// <summary>A customer's own account, from the MySQL read model, with their personal data opened for them.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/me", GetMine).RequireAuthorization(Authentication.Policies.Customer);
    }

    private static async Task<Results<Ok<MyAccount>, NotFound>> GetMine(
        HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataKeys keys, CancellationToken cancellation)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == customer.Id, cancellation);
        if (account is null) return TypedResults.NotFound();
        return TypedResults.Ok(new MyAccount(account.AccountId, account.Status, account.EmailVerified, account.PersonalDataErased,
            account.RegisteredAt, account.Version, await ContactDetails.RevealAsync(account, keys, cancellation)));
    }
}
