using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Projections.Rebuild;

namespace SolarEvents.Projections.Tests;

public sealed class rebuilding_without_downtime
{
    [Fact]
    public async Task a_rebuild_while_queries_run_fails_no_query_and_reproduces_the_incremental_state()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        for (var i = 0; i < 40; i++)
        {
            var orderId = await rig.RequestQuoteAsync();
            if (i % 2 == 0) await rig.ScheduleSurveyAsync(orderId);
        }

        await rig.WaitUntilCaughtUpAsync();
        var incremental = await rig.SnapshotAsync();

        using var stopReading = new CancellationTokenSource();
        var reads = ReadContinuouslyAsync(rig, stopReading.Token);
        await using (var services = rig.RebuildServices())
        {
            await services.GetRequiredService<ReadModelRebuilder>().RunAsync(progress: null, CancellationToken.None);
        }

        await stopReading.CancelAsync();
        var (succeeded, failures) = await reads;
        Assert.Empty(failures);
        Assert.True(succeeded > 0);
        Assert.Equal(incremental, await rig.SnapshotAsync());
    }

    [Fact]
    public async Task events_appended_during_a_rebuild_appear_exactly_once_afterwards()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        for (var i = 0; i < 20; i++) await rig.RequestQuoteAsync();
        await rig.WaitUntilCaughtUpAsync();

        await using var services = rig.RebuildServices();
        var rebuild = services.GetRequiredService<ReadModelRebuilder>().RunAsync(progress: null, CancellationToken.None);
        for (var i = 0; i < 20; i++) await rig.RequestQuoteAsync();
        await rebuild;
        await rig.WaitUntilCaughtUpAsync();

        await using var db = rig.ReadModels();
        Assert.Equal(40, await db.OrderSummaries.CountAsync());
        Assert.Equal(await rig.EventCountAsync(), await db.TimelineEntries.CountAsync());
    }

    private static async Task<(int Succeeded, List<Exception> Failures)> ReadContinuouslyAsync(ProjectorRig rig, CancellationToken stop)
    {
        var (succeeded, failures) = (0, new List<Exception>());
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var db = rig.ReadModels();
                await db.OrderSummaries.AsNoTracking().OrderByDescending(o => o.Position).Take(20).ToListAsync(CancellationToken.None);
                await db.TimelineEntries.AsNoTracking().CountAsync(CancellationToken.None);
                succeeded++;
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        return (succeeded, failures);
    }
}
