using Microsoft.EntityFrameworkCore;

namespace SolarEvents.Projections.ReadModels;

public sealed record ProjectionStatus(string Projector, long Checkpoint, long Head, long Lag, DateTimeOffset? CheckpointUpdatedAt);

/// <summary>How many events the MySQL read models are behind the head of the event log.</summary>
public sealed class ReadModelLag(EventLogHead head, IDbContextFactory<ReadModelDbContext> contexts)
{
    public async Task<ProjectionStatus> MeasureAsync(CancellationToken cancellation)
    {
        var latest = await head.LatestSequenceAsync(cancellation);
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var checkpoint = await db.Checkpoints.FindAsync([ReadModelSubscription.ProjectorName], cancellation);
        var position = checkpoint?.LastSequence ?? 0;
        return new ProjectionStatus(ReadModelSubscription.ProjectorName, position, latest, Math.Max(0, latest - position),
            checkpoint?.UpdatedAt);
    }
}
