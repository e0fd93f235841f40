using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Messaging;

namespace SolarEvents.EndToEnd.Tests.Amendments;

[Collection(WholeSystem.Name)]
public sealed class idempotency_records_expire(SolarEventsApp app)
{
    [Fact]
    public async Task records_past_their_retention_are_removed_and_recent_ones_stay()
    {
        var retention = app.ApiServices.GetRequiredService<IdempotencySettings>().Retention;
        var store = app.ApiServices.GetRequiredService<IDocumentStore>();
        var (old, recent) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await using (var session = store.LightweightSession())
        {
            session.Insert(new IdempotencyRecord(old, "f", "{}", DateTimeOffset.UtcNow - retention - TimeSpan.FromMinutes(1)));
            session.Insert(new IdempotencyRecord(recent, "f", "{}", DateTimeOffset.UtcNow - retention + TimeSpan.FromMinutes(5)));
            await session.SaveChangesAsync();
        }

        await app.ApiServices.GetRequiredService<IdempotencyRecordCleanup>().DeleteExpiredAsync(CancellationToken.None);

        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<IdempotencyRecord>(old));
        Assert.NotNull(await query.LoadAsync<IdempotencyRecord>(recent));
    }
}
