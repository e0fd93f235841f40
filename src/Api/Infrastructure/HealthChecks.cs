using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Infrastructure;

/// <summary>Ready means both databases answer; live means the process runs.</summary>
public static class HealthChecks
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSolarEventsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<EventStoreHealthCheck>("event-store", tags: [ReadyTag])
            .AddCheck<ReadModelHealthCheck>("read-models", tags: [ReadyTag])
            .AddCheck<ProjectionLagHealthCheck>("projection-lag", tags: [ReadyTag]);
        return services;
    }

    public static void MapSolarEventsHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}

public sealed class EventStoreHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
    }
}

public sealed class ReadModelHealthCheck(IDbContextFactory<ReadModelDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("MySQL does not answer.");
    }
}

/// <summary>Degraded (still serving, but stale) when the read models are more than ReadModels:MaxHealthyLag
/// events behind the log.</summary>
public sealed class ProjectionLagHealthCheck(ReadModelLag lag, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowed = configuration.GetValue("ReadModels:MaxHealthyLag", 1000L);
        var status = await lag.MeasureAsync(cancellationToken);
        return status.Lag <= allowed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"The read models are {status.Lag} events behind.");
    }
}
