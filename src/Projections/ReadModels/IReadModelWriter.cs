using JasperFx.Events;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.Accounts;
using SolarEvents.Projections.ChangeRequests;
using SolarEvents.Projections.Orders;

namespace SolarEvents.Projections.ReadModels;

/// <summary>Turns one event into read-model changes on the given context; the caller saves and commits.</summary>
public interface IReadModelWriter
{
    Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation);
}

public static class ReadModelWriters
{
    /// <summary>The writers that keep one row per stream, in the order they see each event.</summary>
    public static IReadOnlyList<IReadModelWriter> All { get; } =
    [
        new OrderSummaryWriter(),
        new AccountViewWriter(),
        new ChangeRequestViewWriter(),
    ];

    /// <summary>
    /// Writes one page of events; the caller saves and commits, in the transaction the new rows were inserted in.
    /// The rows the page updates are loaded first, in one query per table, so that each writer's <c>FindAsync</c>
    /// is answered by the change tracker instead of a round trip per event. The rows the page creates (already
    /// carrying every later event of the page) and the timeline go in as multi-row INSERTs.
    /// </summary>
    public static async Task ApplyAsync(ReadModelDbContext db, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // Marten's tombstones fill the sequence numbers of a failed commit: they are nobody's events.
        IReadOnlyList<IEvent> page = [.. events.Where(e => e.Data is not Tombstone)];
        await PreloadAsync(db, page, cancellation);
        foreach (var stored in page)
        {
            foreach (var writer in All) await writer.ApplyAsync(db, stored, cancellation);
        }

        await MultiRowInsert.InsertAddedAsync(db, cancellation);
        await Timeline.TimelineWriter.WriteAsync(db, page, cancellation);
    }

    private static async Task PreloadAsync(ReadModelDbContext db, IReadOnlyList<IEvent> page, CancellationToken cancellation)
    {
        // EF.Constant inlines the ids as an IN list (they are Guids from the event store, never input), which the
        // server answers from the primary key; a parameterized collection would go through JSON_TABLE.
        if (StreamsUpdated(page, typeof(QuoteRequested), OrderSummaryWriter.IsOrderEvent) is { Count: > 0 } orders)
            await db.OrderSummaries.Where(o => EF.Constant(orders).Contains(o.OrderId)).LoadAsync(cancellation);
        if (StreamsUpdated(page, typeof(ChangeRequestOpened), ChangeRequestViewWriter.IsChangeRequestEvent) is { Count: > 0 } requests)
            await db.ChangeRequests.Where(r => EF.Constant(requests).Contains(r.RequestId)).LoadAsync(cancellation);
        if (StreamsUpdated(page, typeof(AccountRegistered), AccountViewWriter.IsAccountEvent) is { Count: > 0 } accounts)
            await db.Accounts.Where(a => EF.Constant(accounts).Contains(a.AccountId)).LoadAsync(cancellation);
    }

    /// <summary>The streams whose events (those a writer takes as its own, told apart by <paramref name="isOwn"/>)
    /// update an existing row: all but those the page itself creates.</summary>
    private static List<Guid> StreamsUpdated(IReadOnlyList<IEvent> page, Type creation, Func<Type, bool> isOwn)
    {
        var created = page.Where(e => e.Data.GetType() == creation).Select(e => e.StreamId).ToHashSet();
        return page.Where(e => isOwn(e.Data.GetType()) && !created.Contains(e.StreamId))
            .Select(e => e.StreamId).Distinct().ToList();
    }
}
