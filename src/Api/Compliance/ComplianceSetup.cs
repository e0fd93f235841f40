using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;
using SolarEvents.Application.Compliance.History;

namespace SolarEvents.Api.Compliance;

/// <summary>Compliance's services, its role policy, and the hosted services that guard the event store and sign
/// digests. Registered after the event store, so that Marten's schema exists before the guards are installed.</summary>
public static class ComplianceSetup
{

    /// <summary><paramref name="installGuards"/>: install the hash-chain and append-only triggers at startup (needs the
    /// tables' owner); otherwise the schema step installed them at deployment and the API only checks them.</summary>
    public static IServiceCollection AddSolarEventsCompliance(this IServiceCollection services, IConfiguration configuration, bool installGuards)
    {
        services.Configure<ComplianceOptions>(configuration.GetSection(ComplianceOptions.Section));
        services.AddSingleton(new DigestSigningKey(configuration.GetSection(DigestSigningOptions.Section).Get<DigestSigningOptions>()));
        services.AddSingleton<EventRows>();
        services.AddSingleton<StoreVerification>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<HistoryExporter>();
        services.AddSingleton<ComplianceHistory>();
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<EventStoreGuardsInstaller>(provider, installGuards));
        services.AddHostedService<PeriodicDigests>();
        return services;
    }
}

/// <summary>Configuration section "Compliance".</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>How often a digest is signed and stored; 0 turns periodic digests off.</summary>
    public int DigestIntervalMinutes { get; set; } = 60;
}
