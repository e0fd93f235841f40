using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SolarEvents.Application.EventStore;
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

    public DocumentStore Store { get; }

    public static async Task<ProjectorRig> CreateAsync() => new(await TestDatabases.CreateAsync());

    public async Task<IHost> StartProjectorAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Databases.Postgres,
            ["ConnectionStrings:MySql"] = Databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
        });
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
