using JasperFx.Events.Daemon;
using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SolarEvents.Application.EventStore;
using SolarEvents.Projections.ReadModels;
using SolarEvents.Projections.Rebuild;

namespace SolarEvents.Projections;

/// <summary>Composition of the projector: Marten's async daemon feeding the MySQL read models.</summary>
public static class ProjectorHost
{
    /// <summary>Events per page: each page is one MySQL transaction with its checkpoint.</summary>
    public const int PageSize = 2000;

    private static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(100);

    public static IHostApplicationBuilder AddProjector(this IHostApplicationBuilder builder)
    {
        var applySchema = SchemaOnStartup.IsEnabled(builder.Configuration, builder.Environment);
        builder.Services.AddReadModels(builder.Configuration);
        builder.Services.TryAddSingleton<EventLogReader>();
        // Registered before the daemon: hosted services start in order, so tables exist (or are known to be
        // current) before the first write.
        builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ReadModelMigrator>(provider, applySchema));
        builder.Services.AddEventStore(RequiredConnectionString(builder.Configuration, "Postgres"))
            // Schema first, before the daemon and the lag monitor touch it concurrently.
            .ApplySchemaOnStartup(builder.Services, applySchema)
            .AddSubscriptionWithServices<ReadModelSubscription>(ServiceLifetime.Singleton, options =>
            {
                options.Options.BatchSize = PageSize;
            })
            // HotCold: one instance projects, others stand by and take over on failure.
            .AddAsyncDaemon(DaemonMode.HotCold);
        // Look for new events every 100 ms, whatever the last look found. Marten's defaults wait 250 ms after
        // progress and a whole second after finding the log caught up, or held at a gap by a transaction still
        // committing; under a steady command load those second-long waits were the read models' p95 lag. The
        // look is one indexed query. (Waking on every append instead, by LISTEN/NOTIFY, was tried: under load
        // it turned pages of ~100 events into pages of one or two, and the projector fell behind.)
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.FastPollingTime = PollingInterval;
            options.Projections.SlowPollingTime = PollingInterval;
        });
        builder.Services.AddHostedService<ProjectorLagMonitor>();
        builder.Services.AddSolarEventsTelemetry(builder.Configuration, "solarevents-projector");
        return builder;
    }

    /// <summary>The read-model DbContext; the API uses it read-only for queries.</summary>
    public static IServiceCollection AddReadModels(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = RequiredConnectionString(configuration, "MySql");
        var serverVersion = ReadModelServerVersion.From(configuration);
        // Pooled: a new context otherwise resolves EF Core's internal services under a lock, which under 64
        // concurrent reads cost the API more CPU than the queries themselves (seen in a profile of the reads bench).
        services.AddPooledDbContextFactory<ReadModelDbContext>(options => options.UseMySql(connectionString, serverVersion));
        services.AddSingleton<EventLogHead>();
        services.AddSingleton<ReadModelLag>();
        return services;
    }

    /// <summary>What `rebuild` needs on top of the read models: the shadow tables and the event reader.</summary>
    public static IServiceCollection AddReadModelRebuild(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContextFactory<ShadowReadModelDbContext>(options =>
            options.UseMySql(RequiredConnectionString(configuration, "MySql"), ReadModelServerVersion.From(configuration)));
        services.TryAddSingleton<EventLogReader>();
        services.AddSingleton<ReadModelRebuilder>();
        return services;
    }

    public static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is not configured (ConnectionStrings__{name}).");
}
