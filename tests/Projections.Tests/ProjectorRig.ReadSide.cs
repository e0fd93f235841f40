using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.ReadModels;
using SolarEvents.TestSupport;

namespace SolarEvents.Projections.Tests;

// Kept apart from the Marten half: both libraries define SingleOrDefaultAsync & co. on IQueryable.
public sealed partial class ProjectorRig
{
    public ReadModelDbContext ReadModels() =>
        new(new DbContextOptionsBuilder<ReadModelDbContext>()
            .UseMySql(Databases.MySql, ServerVersion.Parse("10.11.0-mariadb")).Options);

    public async Task WaitForSummaryAsync(Guid orderId) =>
        await Eventually.Until(async () =>
        {
            await using var db = ReadModels();
            return await db.OrderSummaries.AsNoTracking().SingleOrDefaultAsync(o => o.OrderId == orderId);
        }, what: $"order {orderId} in MySQL");

    private async Task MigrateReadModelsAsync()
    {
        await using var db = ReadModels();
        await db.Database.MigrateAsync();
    }

    /// <summary>Waits until the projector's checkpoint has reached the newest event.</summary>
    public async Task WaitUntilCaughtUpAsync(TimeSpan? timeout = null)
    {
        var head = await HeadAsync();
        await Eventually.Until(async () =>
        {
            await using var db = ReadModels();
            var checkpoint = await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectorName == ReadModelSubscription.ProjectorName);
            return checkpoint is not null && checkpoint.LastSequence >= head ? checkpoint : null;
        }, timeout, what: $"the projector to reach event {head}");
    }

    /// <summary>Every read-model row, serialized and in key order: two snapshots are equal row for row.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = ReadModels();
        var tables = new
        {
            Orders = await db.OrderSummaries.AsNoTracking().OrderBy(o => o.Position).ToListAsync(),
            Timeline = await db.TimelineEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(),
            Accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.RegisteredAt).ToListAsync(),
            Requests = await db.ChangeRequests.AsNoTracking().OrderBy(r => r.Position).ToListAsync(),
        };
        return System.Text.Json.JsonSerializer.Serialize(tables);
    }
}
