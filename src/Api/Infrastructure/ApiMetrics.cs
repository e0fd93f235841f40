using System.Diagnostics.Metrics;
using SolarEvents.Projections;

namespace SolarEvents.Api.Infrastructure;

/// <summary>The API's own counters (meter <c>SolarEvents.Api</c>); request rates and latencies come from
/// ASP.NET Core's built-in meters.</summary>
public static class ApiMetrics
{
    private static readonly Meter Meter = new(Observability.ApiMeter);

    /// <summary>Every error answer by problem type: rule violations, validation, refusals, conflicts.</summary>
    public static readonly Counter<long> Problems = Meter.CreateCounter<long>(
        "solarevents.problems", "{problem}", "Error responses by problem type");
}
