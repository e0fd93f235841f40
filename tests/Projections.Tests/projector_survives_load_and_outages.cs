using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Npgsql;
using SolarEvents.TestSupport;

namespace SolarEvents.Projections.Tests;

public sealed class projector_survives_load_and_outages
{
    [Fact]
    public async Task every_event_of_many_concurrent_writers_reaches_the_read_models_exactly_once()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();

        var writers = Enumerable.Range(0, 8).Select(async _ =>
        {
            var orders = new List<Guid>();
            for (var i = 0; i < 15; i++)
            {
                var orderId = await rig.RequestQuoteAsync();
                if (i % 3 == 0) await rig.ScheduleSurveyAsync(orderId);
                orders.Add(orderId);
            }

            return orders;
        });
        var orderIds = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        await rig.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(60));

        var expected = await rig.EventsPerStreamAsync(orderIds);
        await using var db = rig.ReadModels();
        var projected = await db.TimelineEntries.AsNoTracking()
            .GroupBy(e => e.StreamId)
            .Select(g => new { StreamId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.StreamId, g => g.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), projected.OrderBy(p => p.Key));
        Assert.Equal(orderIds.Count, await db.OrderSummaries.CountAsync());
    }

    [Fact]
    public async Task while_mysql_is_unreachable_appends_succeed_and_the_projector_catches_up_afterwards()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await using var gate = new TcpGate((int)new MySqlConnectionStringBuilder(rig.Databases.MySql).Port);
        rig.MySqlOverride = new MySqlConnectionStringBuilder(rig.Databases.MySql) { Port = (uint)gate.Port }.ConnectionString;
        await rig.StartProjectorAsync();
        var before = await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(before);

        gate.Close();
        var during = new List<Guid>();
        for (var i = 0; i < 10; i++) during.Add(await rig.RequestQuoteAsync());
        await Eventually.Until(() => Task.FromResult(gate.Refused > 0 ? "refused" : null), what: "the projector to try during the outage");
        await using (var direct = rig.ReadModels())
        {
            Assert.Equal(1, await direct.OrderSummaries.CountAsync());
        }

        gate.Open();

        await rig.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(90));
        await using var db = rig.ReadModels();
        Assert.Equal(11, await db.OrderSummaries.CountAsync());
        Assert.Equal(await rig.EventCountAsync(), await db.TimelineEntries.CountAsync());
    }

    [Fact]
    public async Task while_postgres_is_unreachable_the_projector_waits_and_catches_up_afterwards()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await using var gate = new TcpGate(new NpgsqlConnectionStringBuilder(rig.Databases.Postgres).Port);
        rig.PostgresOverride = new NpgsqlConnectionStringBuilder(rig.Databases.Postgres) { Port = gate.Port }.ConnectionString;
        await rig.StartProjectorAsync();
        await rig.WaitForSummaryAsync(await rig.RequestQuoteAsync());

        // The projector loses the event log (and with it its leadership lock); the writers do not.
        gate.Close();
        for (var i = 0; i < 10; i++) await rig.RequestQuoteAsync();
        // Several tries, so the outage outlasts a single failed poll.
        await Eventually.Until(() => Task.FromResult(gate.Refused >= 5 ? "refused" : null), what: "the projector to try during the outage");
        await using (var direct = rig.ReadModels())
        {
            Assert.Equal(1, await direct.OrderSummaries.CountAsync());
        }

        gate.Open();

        await rig.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(90));
        await using var db = rig.ReadModels();
        Assert.Equal(11, await db.OrderSummaries.CountAsync());
        Assert.Equal(await rig.EventCountAsync(), await db.TimelineEntries.CountAsync());
    }
}
