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
}
