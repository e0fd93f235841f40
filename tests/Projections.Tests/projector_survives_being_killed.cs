using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Projections.Rebuild;
using SolarEvents.TestSupport;

namespace SolarEvents.Projections.Tests;

public sealed class projector_survives_being_killed
{
    [Fact]
    public async Task killed_mid_batch_and_restarted_the_read_models_equal_a_rebuild_row_for_row()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        var projector = ProjectorProcess.Start(rig.Settings);
        try
        {
            using var killsDone = new CancellationTokenSource();
            var writing = WriteOrdersUntilAsync(rig, killsDone.Token);
            for (var kill = 0; kill < 3; kill++)
            {
                // Kill as soon as the projector has moved on since the last kill: it is then busy with a batch
                // while the writer keeps appending, so the SIGKILL lands before, inside or after a MySQL commit.
                var reached = await CheckpointAsync(rig);
                await Eventually.Until(async () => await CheckpointAsync(rig) > reached ? "moved" : null,
                    TimeSpan.FromSeconds(120), "the projector to advance");
                projector.Kill();
                projector.Dispose();
                projector = ProjectorProcess.Start(rig.Settings);
            }

            await killsDone.CancelAsync();
            await writing;
            await rig.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            projector.Dispose();
        }

        var incremental = await rig.SnapshotAsync();
        await using (var services = rig.RebuildServices())
        {
            await services.GetRequiredService<ReadModelRebuilder>().RunAsync(progress: null, CancellationToken.None);
        }

        Assert.Equal(await rig.SnapshotAsync(), incremental);
        await using var db = rig.ReadModels();
        Assert.Equal(await rig.EventCountAsync(), await db.TimelineEntries.CountAsync());
    }

    /// <summary>Keeps appending while the projector is being killed and restarted, so there is always a batch
    /// in flight to interrupt.</summary>
    private static async Task WriteOrdersUntilAsync(ProjectorRig rig, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var orderId = await rig.RequestQuoteAsync();
            if (i % 2 == 0) await rig.ScheduleSurveyAsync(orderId);
        }
    }

    private static async Task<long> CheckpointAsync(ProjectorRig rig)
    {
        await using var db = rig.ReadModels();
        var checkpoint = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync();
        return checkpoint?.LastSequence ?? 0;
    }
}
