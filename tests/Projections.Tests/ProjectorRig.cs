using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.TestSupport;

namespace SolarEvents.Projections.Tests;

/// <summary>Fresh databases, a writer store, and projector hosts that can be started and stopped at will.</summary>
public sealed partial class ProjectorRig : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private ProjectorRig(TestDatabases databases)
    {
        Databases = databases;
        Store = DocumentStore.For(options => EventStoreConfiguration.Configure(options, databases.Postgres));
    }

    public TestDatabases Databases { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Postgres"] = PostgresOverride ?? Databases.Postgres,
        ["ConnectionStrings:MySql"] = MySqlOverride ?? Databases.MySql,
        ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
    };

    /// <summary>Where projectors started from now on reach MySQL (e.g. through a gate that can cut the line).</summary>
    public string? MySqlOverride { get; set; }

    /// <summary>Where projectors started from now on reach PostgreSQL (the rig's own writes go direct).</summary>
    public string? PostgresOverride { get; set; }

    public DocumentStore Store { get; }

    public static async Task<ProjectorRig> CreateAsync()
    {
        var rig = new ProjectorRig(await TestDatabases.CreateAsync());
        // Both schemas exist before any projector starts, as in production (the hosts apply them first).
        await rig.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await rig.MigrateReadModelsAsync();
        return rig;
    }

    public async Task<IHost> StartProjectorAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddProjector();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    public async Task<Guid> RequestQuoteAsync()
    {
        var command = new RequestQuote(Guid.CreateVersion7(), Guid.CreateVersion7(),
            new InstallationSite("10115", "Berlin", "DE"), RoofType.Flat, 6.5m,
            new SystemConfiguration(16, "SunPeak 420", "GridMax 6K", WithBattery: false));
        await using var session = Store.LightweightSession();
        session.Events.StartStream<Order>(command.OrderId, Order.RequestQuote(command, DateTimeOffset.UtcNow).ThrowIfRejected());
        await session.SaveChangesAsync();
        return command.OrderId;
    }

    public async Task ScheduleSurveyAsync(Guid orderId)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Order>(orderId);
        stream.AppendMany(Order.ScheduleSiteSurvey(stream.Aggregate!, new ScheduleSiteSurvey(orderId, now.AddDays(7), null), now).ThrowIfRejected());
        await session.SaveChangesAsync();
    }

    /// <summary>Decides on the order as it stands and appends the events, as <paramref name="actorId"/> acting in
    /// <paramref name="role"/> (the metadata the application's commands write).</summary>
    public async Task DecideAsync(Guid orderId, Func<Order, DateTimeOffset, Decision> decide, string? actorId = null, string? role = null)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = Store.LightweightSession();
        if (actorId is not null) session.LastModifiedBy = actorId;
        if (role is not null) session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, role);
        var stream = await session.Events.FetchForWriting<Order>(orderId);
        stream.AppendMany(decide(stream.Aggregate!, now).ThrowIfRejected());
        await session.SaveChangesAsync();
    }

    /// <summary>Appends events to a stream as they are, without a decision (the projector takes them as given).</summary>
    public async Task AppendAsync(Guid streamId, params object[] events)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(streamId, events);
        await session.SaveChangesAsync();
    }

    public async Task<long> HeadAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync();
    }

    public async Task<int> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>Rows Marten wrote to fill the sequence numbers of failed commits.</summary>
    public async Task<long> TombstoneCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName == "tombstone");
    }

    public async Task<Dictionary<Guid, int>> EventsPerStreamAsync(IEnumerable<Guid> streams)
    {
        await using var session = Store.QuerySession();
        var counts = new Dictionary<Guid, int>();
        foreach (var stream in streams) counts[stream] = (await session.Events.FetchStreamAsync(stream)).Count;
        return counts;
    }

    /// <summary>Builds the services the `rebuild` command uses, against this rig's databases.</summary>
    public ServiceProvider RebuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddReadModels(configuration).AddReadModelRebuild(configuration);
        services.AddEventStore(Databases.Postgres);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await Store.DisposeAsync();
        await Databases.DisposeAsync();
    }
}
