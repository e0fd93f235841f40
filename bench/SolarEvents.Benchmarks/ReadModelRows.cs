using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Queries;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Benchmarks;

/// <summary>Read-model queries through a bare EF Core context (kept apart from Marten: both define LINQ async
/// extensions with the same names).</summary>
public static class ReadModelRows
{
    public static async Task<long> MaxPositionAsync(Rig rig)
    {
        await using var db = new ReadModelDbContext(rig.ReadModels);
        return await db.OrderSummaries.AsNoTracking().MaxAsync(o => (long?)o.Position) ?? 0;
    }

    public static async Task<List<(Guid OrderId, long Position)>> OrdersAfterAsync(Rig rig, long after)
    {
        await using var db = new ReadModelDbContext(rig.ReadModels);
        var rows = await db.OrderSummaries.AsNoTracking().Where(o => o.Position > after).OrderBy(o => o.Position)
            .Select(o => new { o.OrderId, o.Position }).Take(5000).ToListAsync();
        return rows.Select(r => (r.OrderId, r.Position)).ToList();
    }

    /// <summary>What GET /api/v1/orders/{id} does without HTTP, authentication or serialization: the same two
    /// queries on a fresh context, mapped to the same response record.</summary>
    public static async Task<string?> OrderDetailAsync(Rig rig, Guid orderId, Guid customerId)
    {
        await using var db = new ReadModelDbContext(rig.ReadModels);
        var order = await db.OrderAsync(orderId, customerId, CancellationToken.None);
        if (order is null) return "not found";
        var detail = order.ToDetail(await db.TimelineAsync(orderId, CancellationToken.None), forStaff: false);
        return detail.Timeline.Count > 0 ? null : "no timeline";
    }
}
