using Microsoft.EntityFrameworkCore;
using Npgsql;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Tests;

public sealed class projector_writes_each_event_exactly_once
{
    [Fact]
    public async Task the_daemon_in_hot_cold_mode_projects_an_appended_event_into_mysql()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();

        var orderId = await rig.RequestQuoteAsync();

        await rig.WaitForSummaryAsync(orderId);
        await using var db = rig.ReadModels();
        var checkpoint = await db.Checkpoints.SingleAsync(c => c.ProjectorName == ReadModelSubscription.ProjectorName);
        Assert.True(checkpoint.LastSequence >= 1);
    }

    [Fact]
    public async Task a_page_delivered_again_after_a_crash_writes_nothing_twice()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        var first = await rig.StartProjectorAsync();
        await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(await rig.RequestQuoteAsync());
        await rig.WaitUntilCaughtUpAsync();
        await first.StopAsync();

        // A crash after the MySQL commit but before Marten recorded its progress: Marten's progress is behind,
        // so the daemon delivers the same events again. Only the MySQL checkpoint can prevent doubles.
        // (Rewound to 1, not 0: Marten takes a floor of 0 for "no progress row yet" and would insert a second row.)
        await SetMartenProgressAsync(rig, 1);
        await rig.StartProjectorAsync();
        var after = await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(after);

        await using var db = rig.ReadModels();
        Assert.Equal(3, await db.OrderSummaries.CountAsync());
        Assert.Equal(3, await db.TimelineEntries.CountAsync());
        var checkpoint = await db.Checkpoints.SingleAsync(c => c.ProjectorName == ReadModelSubscription.ProjectorName);
        Assert.Equal(3, checkpoint.LastSequence);
    }

    [Fact]
    public async Task events_handed_over_but_never_written_go_in_with_the_next_page()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        var first = await rig.StartProjectorAsync();
        var written = await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(written);
        await first.StopAsync();

        // The projector hands a page back to Marten before writing it, so it can die after Marten recorded the page
        // and before MySQL committed it: Marten's progress is then ahead of the checkpoint.
        var handedOver = await rig.RequestQuoteAsync();
        await SetMartenProgressAsync(rig, 2);
        await rig.StartProjectorAsync();
        var next = await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(next);

        await using var db = rig.ReadModels();
        Assert.True(await db.OrderSummaries.AnyAsync(o => o.OrderId == handedOver));
        Assert.Equal(3, await db.OrderSummaries.CountAsync());
        Assert.Equal(3, await db.TimelineEntries.CountAsync());
        var checkpoint = await db.Checkpoints.SingleAsync(c => c.ProjectorName == ReadModelSubscription.ProjectorName);
        Assert.Equal(3, checkpoint.LastSequence);
    }

    [Fact]
    public async Task a_failed_commits_tombstones_reach_no_read_model()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        var order = await rig.RequestQuoteAsync();
        await using (var first = rig.Store.LightweightSession())
        {
            first.Insert(new IdempotencyRecord("taken", "f", "{}", DateTimeOffset.UtcNow));
            await first.SaveChangesAsync();
        }

        await using (var failing = rig.Store.LightweightSession())
        {
            // A commit that fails after its event drew a sequence number: Marten fills it with a tombstone.
            failing.Events.Append(order, new SiteSurveyScheduled(order, DateTimeOffset.UtcNow.AddDays(2), null, DateTimeOffset.UtcNow));
            failing.Insert(new IdempotencyRecord("taken", "f", "{}", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => failing.SaveChangesAsync());
        }

        var next = await rig.RequestQuoteAsync();
        await rig.WaitForSummaryAsync(next);
        await rig.WaitUntilCaughtUpAsync();

        await using var db = rig.ReadModels();
        Assert.True(await rig.TombstoneCountAsync() > 0, "Marten wrote no tombstone, so this test shows nothing.");
        Assert.Equal(2, await db.TimelineEntries.CountAsync());
        Assert.Equal(2, await db.OrderSummaries.CountAsync());
    }

    private static async Task SetMartenProgressAsync(ProjectorRig rig, long sequence)
    {
        await using var connection = new NpgsqlConnection(rig.Databases.Postgres);
        await connection.OpenAsync();
        await using var rewind = new NpgsqlCommand(
            $"UPDATE {EventStoreConfiguration.SchemaName}.mt_event_progression SET last_seq_id = @sequence WHERE name LIKE @name",
            connection);
        rewind.Parameters.AddWithValue("sequence", sequence);
        rewind.Parameters.AddWithValue("name", ReadModelSubscription.ProjectorName + "%");
        Assert.Equal(1, await rewind.ExecuteNonQueryAsync());
    }
}
