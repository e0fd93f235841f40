using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace SolarEvents.Projections;

/// <summary>The projector host: follows the event log and keeps the MySQL read models current.</summary>
public static class ProjectorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "projector.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).ConfigureSolarEventsLogging());
        builder.AddProjector();
        await builder.Build().RunAsync();
    }
}
