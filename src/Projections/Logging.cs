using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Formatting.Compact;

namespace SolarEvents.Projections;

/// <summary>One logging shape for every host: structured JSON lines on standard output, with secrets and personal
/// data redacted (<see cref="SensitiveDataRedaction"/>) before any sink sees an event.</summary>
public static class Logging
{
    public static LoggerConfiguration ConfigureSolarEventsLogging(this LoggerConfiguration logger) =>
        logger.Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "SolarEvents")
            .Enrich.With<SensitiveDataRedaction>()
            .WriteTo.Console(new RenderedCompactJsonFormatter());

    /// <summary>Also writes to every <see cref="ILogEventSink"/> the host registered (an operator's extra sink,
    /// or a test's capture), with the same filters as the console.</summary>
    public static LoggerConfiguration WriteToRegisteredSinks(this LoggerConfiguration logger, IServiceProvider services)
    {
        foreach (var sink in services.GetServices<ILogEventSink>()) logger.WriteTo.Sink(sink);
        return logger;
    }
}
