using JasperFx.Events;
using Marten;

namespace SolarEvents.Projections.ReadModels;

/// <summary>Reads stored events by global sequence: for a rebuild, and for the events between the projector's
/// checkpoint and the page it was handed. Only events at or below a point the daemon already passed are read this
/// way, so no late commit can be missed.</summary>
public sealed class EventLogReader(IDocumentStore store)
{
    public async Task<IReadOnlyList<IEvent>> ReadAsync(long after, long upTo, int limit, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellation);
    }
}
