using Marten;

namespace SolarEvents.Projections.ReadModels;

/// <summary>The sequence of the newest stored event (kept apart from EF Core code: both define LINQ async
/// extensions with the same names).</summary>
public sealed class EventLogHead(IDocumentStore store)
{
    public async Task<long> LatestSequenceAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents()
            .OrderByDescending(e => e.Sequence)
            .Select(e => e.Sequence)
            .FirstOrDefaultAsync(cancellation);
    }
}
