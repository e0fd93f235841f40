using JasperFx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SolarEvents.Application.EventStore;

/// <summary>
/// Whether a host changes database schemas when it starts (<c>Database:ApplySchemaOnStartup</c>). In production
/// the API and the projector connect with a role that may not change them: the schema step
/// (<c>SolarEvents.Api.dll migrate</c>, run as the owner at deployment) does it, and the hosts only use what is there.
/// Unset, it is off in Production and on elsewhere, so a developer's <c>dotnet run</c> on an empty database works.
/// </summary>
public static class SchemaOnStartup
{
    public const string Setting = "Database:ApplySchemaOnStartup";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Setting) ?? !environment.IsProduction();

    /// <summary>Applies Marten's schema before other hosted services start, or, when off, forbids Marten to try any
    /// DDL later (it would otherwise create a missing table on first use, which the app role is refused).</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression ApplySchemaOnStartup(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression store, IServiceCollection services, bool enabled)
    {
        if (enabled) return store.ApplyAllDatabaseChangesOnStartup();
        services.ConfigureMarten(options => options.AutoCreateSchemaObjects = AutoCreate.None);
        return store;
    }
}
