using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Application.Identity;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Accounts;

public sealed record MyAccount(Guid AccountId, string Status, bool EmailVerified, bool PersonalDataErased, DateTimeOffset RegisteredAt, long Version);

/// <summary>A customer's own account, from the MySQL read model.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/me", GetMine).RequireAuthorization(Authentication.Policies.Customer);
    }

    private static async Task<Results<Ok<MyAccount>, NotFound>> GetMine(
        HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.AccountId == customer.Id)
            .Select(a => new MyAccount(a.AccountId, a.Status, a.EmailVerified, a.PersonalDataErased, a.RegisteredAt, a.Version))
            .SingleOrDefaultAsync(cancellation);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(account);
    }
}
