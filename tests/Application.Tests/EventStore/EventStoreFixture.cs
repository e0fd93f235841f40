using Marten;
using SolarEvents.Application.EventStore;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>
/// A fresh PostgreSQL database and a document store with the production configuration, created once for
/// the collection. Tests share it without cleaning up: each one writes to streams with new ids.
/// </summary>
public sealed class EventStoreFixture : IAsyncLifetime
{
    private TestDatabases? _databases;
    private DocumentStore? _store;

    public string ConnectionString => Databases.Postgres;

    public IDocumentStore Store => _store ?? throw new InvalidOperationException("Not started.");

    private TestDatabases Databases => _databases ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _databases = await TestDatabases.CreateAsync();
        _store = DocumentStore.For(options => EventStoreConfiguration.Configure(options, _databases.Postgres));

        // Created up front, so a store that must not change the schema (the legacy writer) finds it in place.
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_databases is not null) await _databases.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedEventStore : ICollectionFixture<EventStoreFixture>
{
    public const string Name = "event store";
}
