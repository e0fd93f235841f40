using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// Follows the event log through Marten's async daemon (which respects the high-water mark, so late commits
/// are never skipped) and writes each page into MySQL in one transaction together with the checkpoint.
/// Events at or below the checkpoint were already written: they are skipped, so a page delivered again after
/// a crash changes nothing.
/// </summary>
public sealed class ReadModelSubscription : SubscriptionBase
{
    public const string ProjectorName = "mysql_read_models";

    private readonly IDbContextFactory<ReadModelDbContext> _contexts;

    public ReadModelSubscription(IDbContextFactory<ReadModelDbContext> contexts)
    {
        _contexts = contexts;
        Name = ProjectorName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var rebuildCannotSwapNow = await ProjectorLock.AcquireAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var checkpoint = await db.Checkpoints.FindAsync([ProjectorName], cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new ProjectorCheckpoint { ProjectorName = ProjectorName };
            db.Checkpoints.Add(checkpoint);
        }

        var unwritten = page.Events.Where(e => e.Sequence > checkpoint.LastSequence).ToList();
        await ReadModelWriters.ApplyAsync(db, unwritten, cancellationToken);
        if (unwritten.Count > 0) checkpoint.UpdatedAt = unwritten[^1].Timestamp;

        checkpoint.LastSequence = Math.Max(checkpoint.LastSequence, page.SequenceCeiling);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return NullChangeListener.Instance;
    }
}
