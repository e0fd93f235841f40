using Serilog;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Projections;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ConfigureSolarEventsLogging()
    .WriteToRegisteredSinks(services)
    .Filter.ByExcluding(LogRedaction.EchoesCommandContents));
builder.AddSolarEventsApi();
await builder.Build().UseSolarEventsPipeline().RunAsync();

/// <summary>Entry point; public so the end-to-end tests can host it.</summary>
public partial class Program;
