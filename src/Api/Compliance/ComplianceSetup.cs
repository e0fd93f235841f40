using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;
using SolarEvents.Application.Compliance.History;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Compliance;

/// <summary>Compliance's services, its role policy, and the hosted services that guard the event store and sign
/// digests. Registered after the event store, so that Marten's schema exists before the guards are installed.</summary>
public static class ComplianceSetup
{
    public const string Policy = "role:compliance";

    public static IServiceCollection AddSolarEventsCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplianceOptions>(configuration.GetSection(ComplianceOptions.Section));
        services.AddSingleton(new DigestSigningKey(configuration.GetSection(DigestSigningOptions.Section).Get<DigestSigningOptions>()));
        services.AddSingleton<EventRows>();
        services.AddSingleton<StoreVerification>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<HistoryExporter>();
        services.AddSingleton<ComplianceHistory>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireRole(Roles.Compliance));
        services.AddHostedService<EventStoreGuardsInstaller>();
        services.AddHostedService<PeriodicDigests>();
        return services;
    }
}

/// <summary>Configuration section "Compliance".</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Install the hash-chain and append-only triggers at startup (needs the tables' owner). When the API
    /// connects with the app role, install them at deployment instead (solarevents-compliance install-guards);
    /// the API then only checks that they are there.</summary>
    public bool InstallGuards { get; set; } = true;

    /// <summary>How often a digest is signed and stored; 0 turns periodic digests off.</summary>
    public int DigestIntervalMinutes { get; set; } = 60;
}
