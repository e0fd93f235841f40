using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// Before the projector writes: applies pending EF Core migrations to the read-model database, or, when the
/// schema step owns migrations (<c>Database:ApplySchemaOnStartup</c> off), refuses to start on a database it has
/// not brought up to date, rather than projecting into tables of the wrong shape.
/// </summary>
public sealed class ReadModelMigrator(IDbContextFactory<ReadModelDbContext> contexts, bool apply, ILogger<ReadModelMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (apply)
        {
            await MigrateAsync(contexts, logger, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The read-model database lacks {pending.Count} migrations ({string.Join(", ", pending)}): run the schema step " +
                "('dotnet SolarEvents.Api.dll migrate') before starting the projector.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations; returns how many there were. Used at startup and by the schema step.</summary>
    public static async Task<int> MigrateAsync(
        IDbContextFactory<ReadModelDbContext> contexts, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0) return 0;
        logger.LogInformation("Applying {Count} read-model migrations", pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        return pending.Count;
    }
}
