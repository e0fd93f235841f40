using Microsoft.EntityFrameworkCore;
using SolarEvents.Domain.Orders;
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

    /// <summary>How many orders stand at each stage of the lifecycle (every stage named, zero included), one
    /// grouped count over the status index.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> StageCountsAsync(this ReadModelDbContext db, CancellationToken cancellation)
    {
        var counts = await db.OrderSummaries.AsNoTracking()
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellation);
        var stages = Enum.GetNames<OrderStatus>().ToDictionary(name => name, _ => 0);
        foreach (var stage in counts) stages[stage.Status] = stage.Count;
        return stages;
    }

    /// <summary>A field crew's jobs (<see cref="FieldJobs"/>), soonest appointment first, keyset-paged on
    /// (appointment, position): one range of the crew's index.</summary>
    public static async Task<Page<OrderSummary>> FieldJobsPageAsync(
        this ReadModelDbContext db, Guid crewId, int limit, (DateTimeOffset At, long Position)? after, CancellationToken cancellation)
    {
        var jobs = db.OrderSummaries.AsNoTracking().Where(o => o.JobCrewId == crewId && o.JobAt != null);
        if (after is { } key)
        {
            var (at, position) = key;
            jobs = jobs.Where(o => o.JobAt > at || (o.JobAt == at && o.Position > position));
        }

        var rows = await jobs.OrderBy(o => o.JobAt).ThenBy(o => o.Position).Take(limit + 1).ToListAsync(cancellation);
        return Paging.Cut(rows, limit, o => Paging.AppointmentCursor(o.JobAt!.Value, o.Position));
    }
}
