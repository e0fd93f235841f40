using Serilog;
using Serilog.Formatting.Compact;

namespace SolarEvents.Projections;

/// <summary>One logging shape for every host: structured JSON lines on standard output.</summary>
public static class Logging
{
    public static LoggerConfiguration ConfigureSolarEventsLogging(this LoggerConfiguration logger) =>
        logger.Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "SolarEvents")
            .WriteTo.Console(new RenderedCompactJsonFormatter());
}
