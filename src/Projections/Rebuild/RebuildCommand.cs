using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarEvents.Application.EventStore;

namespace SolarEvents.Projections.Rebuild;

/// <summary><c>SolarEvents.Projections rebuild</c>: rebuilds the read models while everything keeps running,
/// with a progress bar on standard error.</summary>
public static class RebuildCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder)
    {
        builder.Services.AddReadModels(builder.Configuration).AddReadModelRebuild(builder.Configuration);
        builder.Services.AddEventStore(ProjectorHost.RequiredConnectionString(builder.Configuration, "Postgres"));
        using var host = builder.Build();
        var rebuilder = host.Services.GetRequiredService<ReadModelRebuilder>();
        await rebuilder.RunAsync(new Progress<RebuildProgress>(Draw), CancellationToken.None);
        await Console.Error.WriteLineAsync();
        return 0;
    }

    private static void Draw(RebuildProgress progress)
    {
        const int width = 40;
        var fraction = progress.Total == 0 ? 1 : Math.Min(1, (double)progress.Done / progress.Total);
        var filled = (int)(fraction * width);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {fraction,4:P0} {progress.Done}/{progress.Total} events");
    }
}
