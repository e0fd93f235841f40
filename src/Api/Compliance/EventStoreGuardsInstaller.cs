using Npgsql;
using SolarEvents.Application.Compliance.Database;

namespace SolarEvents.Api.Compliance;

/// <summary>
/// At startup, before the API takes requests: installs the event store's guards (hash-chain trigger, append-only
/// triggers) when the API applies the schema itself, or, when the schema step did (or the API's role may not),
/// checks that they are in place. Without them events would be appended unchained, so the API refuses to start.
/// </summary>
public sealed partial class EventStoreGuardsInstaller(
    NpgsqlDataSource dataSource, bool install, ILogger<EventStoreGuardsInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (install)
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
                "The event store's schema or its hash-chain and append-only triggers are missing: run the schema step " +
                "('dotnet SolarEvents.Api.dll migrate') as the schema owner before starting the API.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information,
        Message = "The API's database role may not install the event store guards; checking that they are installed")]
    private static partial void LogNotOwner(ILogger logger);
}
