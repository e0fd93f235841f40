using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Application.Messaging;

/// <summary>Section <c>Idempotency</c>: how long a stored answer can be replayed, and how often old ones are removed.</summary>
public sealed class IdempotencySettings
{
    public const string Section = "Idempotency";

    /// <summary>Clients retry within minutes; a day covers a client that was offline overnight.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public static IdempotencySettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<IdempotencySettings>() ?? new IdempotencySettings();
}

/// <summary>
/// Removes idempotency records past their retention, so the table stays the size of a day's traffic. A key reused
/// after that is a new request. Deleting is idempotent, so any number of API instances may run this.
/// </summary>
public sealed class IdempotencyRecordCleanup(
    IDocumentStore store, IdempotencySettings settings, TimeProvider clock, ILogger<IdempotencyRecordCleanup> logger) : BackgroundService
{
    public async Task DeleteExpiredAsync(CancellationToken cancellation)
    {
        var cutoff = clock.GetUtcNow() - settings.Retention;
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotencyRecord>(r => r.RecordedAt < cutoff);
        await session.SaveChangesAsync(cancellation);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; stale records only take space meanwhile.
                logger.LogWarning(e, "Removing expired idempotency records failed");
            }
        }
    }
}
