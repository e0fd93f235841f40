using Serilog;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Api.Operations;
using SolarEvents.Projections;

if (args is [MasterKeyRotation.Verb, ..]) return await MasterKeyRotation.RunAsync(args[1..]);

// `migrate` builds the same composition as the API, so its schema is exactly the API's, but only applies it.
var migrate = MigrateCommand.IsInvoked(args);
var builder = WebApplication.CreateBuilder(migrate ? MigrateCommand.HostArguments(args) : args);
// preserveStaticLogger: each host keeps its own logger, so a second host in the same process (tests) never
// replaces this one's, or silences it when it is disposed.
builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ConfigureSolarEventsLogging()
    .WriteToRegisteredSinks(services)
    .Filter.ByExcluding(LogRedaction.EchoesCommandContents)
    .Filter.ByExcluding(LostRaceLogging.IsMartenLostRace), preserveStaticLogger: true);
builder.AddSolarEventsApi();
var app = builder.Build();
if (migrate) return await MigrateCommand.RunAsync(app, args);
await app.UseSolarEventsPipeline().RunAsync();
return 0;

/// <summary>Entry point; public so the end-to-end tests can host it.</summary>
public partial class Program;
