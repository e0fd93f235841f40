using Serilog;
using SolarEvents.Api.Authentication;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Projections;

if (args is ["dev-token", var subject, var role])
{
    // For ./run.sh and local trials only: mints a token with the configured development signing key.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var settings = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
    Console.WriteLine(new AccessTokenIssuer(settings, TimeProvider.System).Issue(Guid.Parse(subject), role));
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).ConfigureSolarEventsLogging());
builder.AddSolarEventsApi();
await builder.Build().UseSolarEventsPipeline().RunAsync();

/// <summary>Entry point; public so the end-to-end tests can host it.</summary>
public partial class Program;
