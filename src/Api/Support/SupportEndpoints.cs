using SolarEvents.Application.Identity;
using SolarEvents.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Queries;
using SolarEvents.Projections.ChangeRequests;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Support;

public sealed record ChangeRequestItem(
    Guid RequestId, Guid TargetStreamId, string Categories, string Status, Guid OpenedBy, string Reason,
    string CustomerContactReference, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, Guid? DecidedBy,
    int AppliedChanges, long Version);

/// <summary>The request, then every event made under it or to it, in the order they happened.</summary>
public sealed record RequestTrail(ChangeRequestItem Request, IReadOnlyList<TimelineItem> Events);

/// <summary>What support agents read: any order, the queue of change requests, a request's trail.</summary>
public static class SupportEndpoints
{
    public static void MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var support = app.MapGroup("/api/v1/staff").RequireCapability(Capability.SupportDesk);
        support.MapGet("/orders/{orderId:guid}", GetOrder);
        support.MapGet("/change-requests", ListChangeRequests);
        support.MapGet("/orders/{targetId:guid}/change-requests", GetTargetTrail);
        support.MapGet("/accounts/{targetId:guid}/change-requests", GetTargetTrail);
        app.MapGet("/api/v1/staff/change-requests/{requestId:guid}/trail", GetTrail).RequireCapability(Capability.RequestTrail);
    }

    private static async Task<Results<Ok<StaffOrderDetail>, NotFound>> GetOrder(
        Guid orderId, IDbContextFactory<ReadModelDbContext> contexts, TimeProvider clock, CancellationToken cancellation,
        long? minVersion = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var order = await ReadYourWrites.ReadAsync(minVersion, () => db.OrderAsync(orderId, ownedBy: null, cancellation),
            o => o.Version, clock, cancellation);
        if (order is null) return TypedResults.NotFound();
        var detail = order.ToDetail(await db.TimelineAsync(orderId, cancellation), forStaff: true);
        return TypedResults.Ok(new StaffOrderDetail(order.CustomerId, detail));
    }

    private static async Task<Ok<Page<ChangeRequestItem>>> ListChangeRequests(
        IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation,
        string? status = null, int? limit = null, string? after = null)
    {
        var (take, before) = (Paging.Limit(limit), Paging.Before(after));
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var rows = await db.ChangeRequests.AsNoTracking()
            .Where(r => status == null || r.Status == status)
            .Where(r => r.Position < before)
            .OrderByDescending(r => r.Position)
            .Take(take + 1)
            .ToListAsync(cancellation);
        var page = Paging.Cut(rows, take, r => r.Position);
        return TypedResults.Ok(new Page<ChangeRequestItem>(page.Items.Select(ToItem).ToList(), page.Next));
    }

    private static async Task<Results<Ok<RequestTrail>, NotFound>> GetTrail(
        Guid requestId, IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var request = await db.ChangeRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId, cancellation);
        if (request is null) return TypedResults.NotFound();
        var events = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.StreamId == requestId || e.ChangeRequestId == requestId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        return TypedResults.Ok(new RequestTrail(ToItem(request), events.Select(e => e.ToItem(forStaff: true)).ToList()));
    }

    /// <summary>An order's (or account's) request trail: every request that targeted it, oldest first, each with
    /// who opened and decided it and the events made under it.</summary>
    private static async Task<Ok<List<RequestTrail>>> GetTargetTrail(
        Guid targetId, IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var requests = await db.ChangeRequests.AsNoTracking()
            .Where(r => r.TargetStreamId == targetId)
            .OrderBy(r => r.Position)
            .Take(Paging.MaxLimit)
            .ToListAsync(cancellation);
        var ids = requests.Select(r => r.RequestId).ToList();
        var events = await db.TimelineEntries.AsNoTracking()
            .Where(e => ids.Contains(e.StreamId) || (e.ChangeRequestId != null && ids.Contains(e.ChangeRequestId.Value)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        return TypedResults.Ok(requests.Select(r => new RequestTrail(ToItem(r),
            events.Where(e => e.StreamId == r.RequestId || e.ChangeRequestId == r.RequestId).Select(e => e.ToItem(forStaff: true)).ToList())).ToList());
    }

    private static ChangeRequestItem ToItem(ChangeRequestView r) =>
        new(r.RequestId, r.TargetStreamId, r.Categories, r.Status, r.OpenedBy, r.Reason, r.CustomerContactReference,
            r.OpenedAt, r.ExpiresAt, r.DecidedBy, r.AppliedChanges, r.Version);
}
