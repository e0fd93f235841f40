using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Rebuild;

public sealed record RebuildProgress(long Done, long Total);

/// <summary>
/// Rebuilds every read model from the event log without downtime: replays into shadow tables while the live
/// tables keep serving (and the live projector keeps writing), then, holding the projector lock, catches the
/// shadow up to the live checkpoint and swaps all tables in one atomic <c>RENAME TABLE</c>.
/// </summary>
public sealed class ReadModelRebuilder(
    EventLogReader events,
    IDbContextFactory<ReadModelDbContext> live,
    IDbContextFactory<ShadowReadModelDbContext> shadow,
    ILogger<ReadModelRebuilder> logger)
{
    private const int PageSize = 1000;

    public async Task RunAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellation)
    {
        await using var db = await live.CreateDbContextAsync(cancellation);
        var tables = ReadModelTables.Rebuilt(db);
        await ReadModelTables.CreateShadowsAsync(db, tables, cancellation);

        // Replay, without the lock, everything the live projector has already written.
        var target = await CheckpointAsync(db, cancellation);
        var done = await ReplayAsync(0, target, progress, target, cancellation);

        await using var connection = await ProjectorLock.AcquireAsync(db, cancellation);
        var final = await CheckpointAsync(db, cancellation);
        await ReplayAsync(done, final, progress, final, cancellation);
        await ReadModelTables.SwapInShadowsAsync(db, tables, cancellation);
        logger.LogInformation("Read models rebuilt up to event {Sequence}", final);
    }

    private async Task<long> ReplayAsync(long after, long upTo, IProgress<RebuildProgress>? progress, long total,
        CancellationToken cancellation)
    {
        var position = after;
        while (position < upTo)
        {
            var page = await events.ReadAsync(position, upTo, PageSize, cancellation);
            if (page.Count == 0) break;
            await using var db = await shadow.CreateDbContextAsync(cancellation);
            // The timeline rows go in before SaveChanges: one transaction keeps the page whole.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            await ReadModelWriters.ApplyAsync(db, page, cancellation);
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            position = page[^1].Sequence;
            progress?.Report(new RebuildProgress(position, total));
        }

        return upTo;
    }

    private static async Task<long> CheckpointAsync(ReadModelDbContext db, CancellationToken cancellation)
    {
        var checkpoint = await db.Checkpoints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ProjectorName == ReadModelSubscription.ProjectorName, cancellation);
        return checkpoint?.LastSequence ?? 0;
    }
}
