using Serilog.Events;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Marten logs every failed commit as an error with the whole exception. A lost optimistic-concurrency race is
/// not a fault but an expected answer: the caller gets a 409 with the current version (or its twin's stored
/// answer), and the request log records that status. Under contention these error lines, each rendering a
/// PostgreSQL exception with its stack trace, cost more CPU than the commands themselves, so they are dropped.
/// Other Marten errors, and lost races outside Marten's commit logging, are still logged.
/// </summary>
public static class LostRaceLogging
{
    public static bool IsMartenLostRace(LogEvent logEvent) =>
        logEvent is { Level: LogEventLevel.Error, Exception: { } exception }
        && exception.IsLostRace()
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string context } && context.StartsWith("Marten", StringComparison.Ordinal);
}
