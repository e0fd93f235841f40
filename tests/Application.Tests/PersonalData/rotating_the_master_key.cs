using Marten;
using Npgsql;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.PersonalData;
using SolarEvents.Application.Tests.EventStore;
using SolarEvents.Domain.Accounts;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.PersonalData;

/// <summary>Its own database: rotation re-wraps every key in the store, and the shared one holds other tests' keys.</summary>
public sealed class rotating_the_master_key : IAsyncLifetime
{
    private readonly string _oldKey = TestSecrets.NewKey();
    private readonly string _newKey = TestSecrets.NewKey();
    private readonly EventStoreFixture _ownStore = new();

    private IDocumentStore Store => _ownStore.Store;

    public Task InitializeAsync() => _ownStore.InitializeAsync();

    public Task DisposeAsync() => _ownStore.DisposeAsync();

    [Fact]
    public async Task every_value_still_opens_under_the_new_key_alone_and_no_event_changes()
    {
        var before = KeyRing.Over(Store, KeyRing.Options("2026-a", ("2026-a", _oldKey)));
        var sealedValues = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var (envelope, plaintext) in await RegisterAsync(before, $"Customer {i}", $"+49 170 555 01{i:00}")) sealedValues[envelope] = plaintext;
        }

        var eventsBefore = await RawEventsAsync();

        var rotating = KeyRing.Over(Store, KeyRing.Options("2026-b", ("2026-a", _oldKey), ("2026-b", _newKey)));
        Assert.Equal(5, await rotating.RotateAsync(CancellationToken.None));
        Assert.Equal(0, await rotating.RotateAsync(CancellationToken.None)); // nothing left under the old key

        var afterwards = KeyRing.Over(Store, KeyRing.Options("2026-b", ("2026-b", _newKey)));
        foreach (var (envelope, plaintext) in sealedValues) Assert.Equal(plaintext, await afterwards.OpenAsync(envelope, CancellationToken.None));
        Assert.Equal(eventsBefore, await RawEventsAsync());
    }

    private async Task<Dictionary<string, string>> RegisterAsync(PersonalDataKeys keys, string name, string phone)
    {
        var id = Guid.CreateVersion7();
        await using var session = Store.LightweightSession();
        var key = await keys.CreateAsync(session, id, CancellationToken.None);
        var registered = new AccountRegistered(id, key.Seal($"{id:N}@example.test"), "email-index", key.Seal(name), key.Seal(phone), null,
            key.Seal("1 Solar Street"), DateTimeOffset.UtcNow);
        session.Events.StartStream<Account>(id, registered);
        await session.SaveChangesAsync();
        return new() { [registered.Name] = name, [registered.Phone] = phone };
    }

    /// <summary>Every column of every event row, as PostgreSQL renders it: the byte-for-byte comparison.</summary>
    private async Task<List<string>> RawEventsAsync()
    {
        await using var connection = new NpgsqlConnection(_ownStore.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT e::text FROM {EventStoreConfiguration.SchemaName}.mt_events e ORDER BY seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
