using Microsoft.Extensions.Options;
using Npgsql;
using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.Api.Compliance;

/// <summary>Signs and stores a digest of all stream heads every Compliance:DigestIntervalMinutes, when a signing key
/// is configured. Several API instances each signing is harmless: every digest is a true statement.</summary>
public sealed partial class PeriodicDigests(
    DigestStore digests, DigestSigningKey signing, IOptions<ComplianceOptions> options, TimeProvider clock, ILogger<PeriodicDigests> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (signing.Key is not { } key || options.Value.DigestIntervalMinutes <= 0)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.DigestIntervalMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var stored = await digests.CreateAsync(key, stoppingToken);
                LogSigned(logger, stored.Id, stored.Digest.Heads.Count);
            }
            catch (NpgsqlException e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Signed digest {DigestId} over {Streams} stream heads")]
    private static partial void LogSigned(ILogger logger, long digestId, int streams);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Periodic digests are off: no signing key or no interval configured")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Error, Message = "Signing the periodic digest failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
