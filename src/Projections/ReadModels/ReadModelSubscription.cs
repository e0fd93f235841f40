using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// Follows the event log through Marten's async daemon (which respects the high-water mark, so late commits
/// are never skipped) and writes each page into MySQL in one transaction together with the checkpoint.
/// <para>
/// The MySQL checkpoint, not Marten's progress, says what is written. A page is written while the daemon already
/// loads the next one: Marten's daemon loads a page only when the previous one is handed back, so writing inside
/// the hand-over left reading and writing taking turns. Marten's progress may therefore run one page ahead of
/// MySQL; whatever lies between the checkpoint and a page (a write that failed, or a process that died mid-write)
/// is read from the event log and written with that page. Events at or below the checkpoint are skipped, so a page
/// delivered again after a crash changes nothing.
/// </para>
/// </summary>
public sealed class ReadModelSubscription : SubscriptionBase
{
    public const string ProjectorName = "mysql_read_models";

    private readonly IDbContextFactory<ReadModelDbContext> _contexts;
    private readonly IServiceProvider _services;
    private readonly ILogger<ReadModelSubscription> _logger;
    private Task _writing = Task.CompletedTask;

    public ReadModelSubscription(
        IDbContextFactory<ReadModelDbContext> contexts, IServiceProvider services, ILogger<ReadModelSubscription> logger)
    {
        _contexts = contexts;
        _services = services;
        _logger = logger;
        Name = ProjectorName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // One write at a time, in order: the next page is handed over only when the previous one is written.
        await PreviousWriteAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _writing = WriteAsync([.. page.Events], page.SequenceFloor, page.SequenceCeiling, cancellationToken);
        return NullChangeListener.Instance;
    }

    /// <summary>On shutdown the page being written is finished (or, cancelled with the daemon, left to the next start).</summary>
    public override async ValueTask DisposeAsync()
    {
        await PreviousWriteAsync();
        await base.DisposeAsync();
    }

    private async Task PreviousWriteAsync()
    {
        try
        {
            await _writing;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-write (the daemon stopped or lost its lease): the transaction rolled back, and the next page
            // written finds the checkpoint below it and writes the missed events first.
        }
    }

    /// <summary>Writes until it succeeds (MySQL may be away for a while), trying again after 1, 2, 4… up to 30 s;
    /// meanwhile the next page waits in <see cref="ProcessEventsAsync"/>, so nothing piles up.</summary>
    private async Task WriteAsync(IReadOnlyList<IEvent> events, long floor, long ceiling, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                while (!await WriteOnceAsync(events, floor, ceiling, cancellation))
                {
                    // A long stretch below the page was missing: it went in a page at a time, and the rest follows.
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));
                _logger.LogError(e, "Writing events up to {Ceiling} into the read models failed (attempt {Attempt}); trying again in {Wait}",
                    ceiling, attempt, wait);
                await Task.Delay(wait, cancellation);
            }
        }
    }

    /// <summary>One MySQL transaction: what the checkpoint does not cover below the page (read from the log, at
    /// most a page of it), then the page. False when only missed events fitted and the page is still to come.</summary>
    private async Task<bool> WriteOnceAsync(IReadOnlyList<IEvent> events, long floor, long ceiling, CancellationToken cancellation)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellation);
        await using var rebuildCannotSwapNow = await ProjectorLock.AcquireAsync(db, cancellation);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);

        var checkpoint = await db.Checkpoints.FindAsync([ProjectorName], cancellation);
        if (checkpoint is null)
        {
            checkpoint = new ProjectorCheckpoint { ProjectorName = ProjectorName };
            db.Checkpoints.Add(checkpoint);
        }

        // The reader is resolved here, not injected: it needs the document store, which builds this subscription.
        var missed = checkpoint.LastSequence < floor
            ? await _services.GetRequiredService<EventLogReader>()
                .ReadAsync(checkpoint.LastSequence, floor, ProjectorHost.PageSize, cancellation)
            : [];
        var complete = missed.Count < ProjectorHost.PageSize;
        var unwritten = (complete ? missed.Concat(events) : missed).Where(e => e.Sequence > checkpoint.LastSequence).ToList();
        await ReadModelWriters.ApplyAsync(db, unwritten, cancellation);
        if (unwritten.Count > 0) checkpoint.UpdatedAt = unwritten[^1].Timestamp;

        checkpoint.LastSequence = Math.Max(checkpoint.LastSequence, complete ? ceiling : missed[^1].Sequence);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return complete;
    }
}
