using Npgsql;
using Serilog.Events;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Marten logs every failed commit as errors with the whole exception: the command that failed, then each command
/// after it in the batch ("current transaction is aborted"). A lost optimistic-concurrency race is not a fault
/// but an expected answer: the caller gets a 409 with the current version (or its twin's stored answer). Under
/// contention these lines, each rendering a PostgreSQL exception with its stack trace, cost more CPU than the
/// commands themselves, so they are dropped. A real failure is still logged: its first line is not a lost race.
/// </summary>
public static class LostRaceLogging
{
    // Raised by Marten's append functions when the stream moved on since it was read.
    private const string StreamVersionMismatch = "MT003";

    public static bool IsMartenLostRace(LogEvent logEvent) =>
        logEvent is { Level: LogEventLevel.Error, Exception: { } exception }
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string context } && context.StartsWith("Marten", StringComparison.Ordinal)
        && (exception.IsLostRace() || exception is PostgresException
        {
            SqlState: StreamVersionMismatch or PostgresErrorCodes.InFailedSqlTransaction,
        });
}
