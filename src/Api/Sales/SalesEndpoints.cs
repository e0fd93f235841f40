using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Queries;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Sales;

/// <summary>A pipeline line: what sales needs to follow an order, and nothing that identifies the customer.</summary>
public sealed record PipelineItem(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, bool WithBattery,
    string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil, DateTimeOffset RequestedAt);

public static class SalesEndpoints
{
    public static void MapSalesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sales/pipeline", ListPipeline).RequireAuthorization(StaffPolicies.Sales);
    }

    private static async Task<Ok<Page<PipelineItem>>> ListPipeline(
        IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation,
        string? status = null, int? limit = null, string? after = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.OrdersPageAsync(customerId: null, status, Paging.Limit(limit), Paging.Before(after), cancellation);
        var items = page.Items.Select(o => new PipelineItem(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp,
            o.PanelCount, o.WithBattery, o.Currency, o.QuoteTotal, o.QuoteValidUntil, o.RequestedAt)).ToList();
        return TypedResults.Ok(new Page<PipelineItem>(items, page.Next));
    }
}
