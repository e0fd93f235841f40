using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Identity;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Support;

/// <summary>Exactly one of the two. A POST body, not a query string: URLs end up in proxy and access logs.</summary>
public sealed record AccountSearch(string? Email = null, string? Phone = null);

/// <summary>
/// Support agents find and read customers' accounts with their personal data in the clear. Every such read is
/// recorded (<see cref="PersonalDataAccessLog"/>) and committed before the answer leaves; search matches exact email
/// or phone numbers through their blind indexes, never by scanning plaintext.
/// </summary>
public static class StaffAccountEndpoints
{
    public const int MaxSearchResults = 20;

    public static void MapStaffAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/staff/accounts").RequireCapability(Capability.PersonalData);
        accounts.MapGet("/{accountId:guid}", GetAccount);
        accounts.MapPost("/search", Search);
    }

    private static async Task<Results<Ok<StaffAccount>, NotFound>> GetAccount(
        Guid accountId, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataReveal reveal, TimeProvider clock,
        CancellationToken cancellation, long? minVersion = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var account = await ReadYourWrites.ReadAsync(minVersion,
            () => db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId, cancellation), a => a.Version, clock, cancellation);
        if (account is null) return TypedResults.NotFound();
        var shown = await StaffAccounts.ShowAsync([account], reveal, "account view", cancellation);
        return TypedResults.Ok(shown[0]);
    }

    private static async Task<Results<Ok<IReadOnlyList<StaffAccount>>, ProblemHttpResult>> Search(
        AccountSearch search, IDbContextFactory<ReadModelDbContext> contexts, BlindIndex blindIndex, PersonalDataReveal reveal,
        CancellationToken cancellation)
    {
        var byEmail = !string.IsNullOrWhiteSpace(search.Email);
        if (byEmail == !string.IsNullOrWhiteSpace(search.Phone)) return Invalid("search", "Search by exactly one of 'email' or 'phone'.");
        var value = byEmail ? search.Email! : search.Phone!;
        if (value.Length > 254) return Invalid(byEmail ? "email" : "phone", "The search value is too long.");
        var index = byEmail ? blindIndex.OfEmail(value) : blindIndex.OfPhone(value);
        if (index is null) return Invalid("phone", "A phone number needs digits.");

        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var found = await db.Accounts.AsNoTracking()
            .Where(a => byEmail ? a.EmailIndex == index : a.PhoneIndex == index)
            .OrderBy(a => a.RegisteredAt)
            .Take(MaxSearchResults)
            .ToListAsync(cancellation);
        return TypedResults.Ok(await StaffAccounts.ShowAsync(found, reveal, byEmail ? "search by email" : "search by phone", cancellation));
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }));
}
