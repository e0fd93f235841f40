using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections;

/// <summary>
/// OpenTelemetry traces and metrics for both hosts, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (nothing is exported otherwise). Traces: ASP.NET Core, Npgsql, MySqlConnector, Wolverine, Marten.
/// Metrics: ASP.NET Core request rates and latencies (by route and status, so commands by outcome), Kestrel,
/// and our own meters (projection lag, rejected commands, security events).
/// </summary>
public static class Observability
{
    public const string ApiMeter = "SolarEvents.Api";

    public static IServiceCollection AddSolarEventsTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource("MySqlConnector", "Wolverine", "Marten")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
                .AddMeter(ProjectorLagMonitor.MeterName, ApiMeter)
                .AddOtlpExporter());
        return services;
    }
}
