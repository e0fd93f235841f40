using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.ReadModels;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Api.Queries;

/// <summary>The read-only queries the endpoints share. Every query is parameterized LINQ; no tracking.</summary>
public static class ReadModelQueries
{
    public static Task<OrderSummary?> OrderAsync(this ReadModelDbContext db, Guid orderId, Guid? ownedBy, CancellationToken cancellation) =>
        db.OrderSummaries.AsNoTracking()
            .Where(o => o.OrderId == orderId && (ownedBy == null || o.CustomerId == ownedBy))
            .SingleOrDefaultAsync(cancellation);

    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(this ReadModelDbContext db, Guid streamId, CancellationToken cancellation) =>
        await db.TimelineEntries.AsNoTracking().Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToListAsync(cancellation);

    public static async Task<Page<OrderSummary>> OrdersPageAsync(
        this ReadModelDbContext db, Guid? customerId, string? status, int limit, long before, CancellationToken cancellation)
    {
        var rows = await db.OrderSummaries.AsNoTracking()
            .Where(o => customerId == null || o.CustomerId == customerId)
            .Where(o => status == null || o.Status == status)
            .Where(o => o.Position < before)
            .OrderByDescending(o => o.Position)
            .Take(limit + 1)
            .ToListAsync(cancellation);
        return Paging.Cut(rows, limit, o => o.Position);
    }
}
