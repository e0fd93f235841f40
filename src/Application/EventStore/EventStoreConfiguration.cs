using System.Reflection;
using JasperFx.Events;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain;
using Weasel.Core;

namespace SolarEvents.Application.EventStore;

/// <summary>The one place that says how SolarEvents uses Marten; the API and the projector share it.</summary>
public static class EventStoreConfiguration
{
    public const string SchemaName = "solarevents";

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IServiceCollection services, string connectionString) =>
        services.AddMarten(options => Configure(options, connectionString)).UseLightweightSessions();

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = SchemaName;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.Events.StreamIdentity = StreamIdentity.AsGuid;

        // Audit trail: who (user name = actor id; actor role and change request as headers), and why.
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;

        // With DistributedLock.Postgres 1.3.1 (eng/patched-distributedlock), the HotCold daemon fails
        // quietly on multiplexed data sources unless the advisory lock is taken inside a transaction.
        options.Events.UseAdvisoryLockTransaction = true;

        RegisterEventTypes(options.Events);
        AggregateProjections.Register(options);
        IdentityDocuments.Configure(options);
        DataKeyRecord.Configure(options);
        Mail.OutboundMail.Configure(options);
    }

    /// <summary>Stable names from the domain's catalog, so renaming a class never orphans stored history;
    /// superseded shapes are upcast to their current version as they are read.</summary>
    private static void RegisterEventTypes(IEventStoreOptions events)
    {
        foreach (var cataloged in EventCatalog.Current) events.MapEventType(cataloged.Type, cataloged.Name);
        foreach (var superseded in EventCatalog.Superseded)
        {
            RegisterUpcasterMethod.MakeGenericMethod(superseded.OldType, superseded.NewType).Invoke(null, [events, superseded]);
        }
    }

    private static readonly MethodInfo RegisterUpcasterMethod =
        typeof(EventStoreConfiguration).GetMethod(nameof(RegisterUpcaster), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void RegisterUpcaster<TOld, TNew>(IEventStoreOptions events, SupersededEvent superseded)
        where TOld : class
        where TNew : class =>
        events.Upcast<TOld, TNew>(superseded.Name, old => (TNew)superseded.Upcast(old));
}
