using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using SolarEvents.Projections.Rebuild;

namespace SolarEvents.Projections;

/// <summary>The projector host: follows the event log and keeps the MySQL read models current.</summary>
public static class ProjectorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args is ["rebuild", ..] ? args[1..] : args);
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "projector.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).ConfigureSolarEventsLogging(),
            preserveStaticLogger: true);
        if (args is ["rebuild", ..]) return await RebuildCommand.RunAsync(builder);

        builder.AddProjector();
        await builder.Build().RunAsync();
        return 0;
    }
}
