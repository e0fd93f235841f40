using SolarEvents.Application.Identity;
using SolarEvents.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Accounts;
using SolarEvents.Api.Queries;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Sales;

/// <summary>A pipeline line: what sales needs to follow an order. Of the customer only the installation city and a
/// masked phone number (<see cref="Masking.Phone"/>), enough to recognise a caller; null once erased.</summary>
public sealed record PipelineItem(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, bool WithBattery,
    string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil, DateTimeOffset RequestedAt, string? MaskedPhone);

public static class SalesEndpoints
{
    public static void MapSalesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sales/pipeline", ListPipeline).RequireCapability(Capability.SalesPipeline);
    }

    private static async Task<Ok<Page<PipelineItem>>> ListPipeline(
        IDbContextFactory<ReadModelDbContext> contexts, PersonalDataKeys keys, CancellationToken cancellation,
        string? status = null, int? limit = null, string? after = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.OrdersPageAsync(customerId: null, status, Paging.Limit(limit), Paging.Before(after), cancellation);
        var customerIds = page.Items.Select(o => o.CustomerId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => customerIds.Contains(a.AccountId)).ToListAsync(cancellation);
        var maskedPhones = new Dictionary<Guid, string>();
        foreach (var account in accounts.Where(a => !a.PersonalDataErased && a.Phone is not null))
        {
            // Only the phone is opened, on the server, and masked before it leaves: Sales never receives the number.
            var key = await keys.GetAsync(account.AccountId, cancellation);
            maskedPhones[account.AccountId] = Masking.Phone(key.Open(account.Phone!));
        }

        var items = page.Items.Select(o => new PipelineItem(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp,
            o.PanelCount, o.WithBattery, o.Currency, o.QuoteTotal, o.QuoteValidUntil, o.RequestedAt,
            maskedPhones.GetValueOrDefault(o.CustomerId))).ToList();
        return TypedResults.Ok(new Page<PipelineItem>(items, page.Next));
    }
}
