using Microsoft.Extensions.Options;
using Npgsql;
using SolarEvents.Application.Compliance.Database;

namespace SolarEvents.Api.Compliance;

/// <summary>
/// At startup, before the API takes requests: installs the event store's guards (hash-chain trigger, append-only
/// triggers) or, where the API's role may not, checks that they were installed at deployment. Without them events
/// would be appended unchained, so the API refuses to start.
/// </summary>
public sealed partial class EventStoreGuardsInstaller(
    NpgsqlDataSource dataSource, IOptions<ComplianceOptions> options, ILogger<EventStoreGuardsInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.InstallGuards)
        {
            try
            {
                await EventStoreGuards.InstallAsync(dataSource, cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                LogNotOwner(logger);
            }
        }

        if (!await EventStoreGuards.AreInstalledAsync(dataSource, cancellationToken))
        {
            throw new InvalidOperationException(
                "The event store's hash-chain and append-only triggers are missing: run 'solarevents-compliance install-guards' as the schema owner.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information,
        Message = "The API's database role may not install the event store guards; checking that they are installed")]
    private static partial void LogNotOwner(ILogger logger);
}
