using System.Buffers.Text;
using SolarEvents.Application.PersonalData;
using SolarEvents.Application.Tests.EventStore;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.PersonalData;

[Collection(SharedEventStore.Name)]
public sealed class sealing_personal_values(EventStoreFixture fixture)
{
    private const string Phone = "+49 170 5550123";

    [Fact]
    public async Task a_sealed_value_opens_with_the_stored_key_and_holds_no_plaintext()
    {
        var options = KeyRing.NewOptions();
        var customer = Guid.CreateVersion7();
        var envelope = (await KeyRing.Over(fixture.Store, options).CreateAsync(fixture.Store, customer)).Seal(Phone);

        Assert.DoesNotContain("5550123", envelope, StringComparison.Ordinal);
        Assert.StartsWith($"pd1.{customer:N}.", envelope, StringComparison.Ordinal);
        // A second service has nothing cached: the key comes from the store and unwraps with the master key.
        Assert.Equal(Phone, await KeyRing.Over(fixture.Store, options).OpenAsync(envelope, CancellationToken.None));
    }

    [Fact]
    public async Task the_same_value_seals_differently_each_time()
    {
        var key = await KeyRing.Over(fixture.Store).CreateAsync(fixture.Store, Guid.CreateVersion7());
        Assert.NotEqual(key.Seal(Phone), key.Seal(Phone));
    }

    [Fact]
    public async Task a_flipped_bit_in_the_ciphertext_is_reported_as_tampering()
    {
        var customer = Guid.CreateVersion7();
        var key = await KeyRing.Over(fixture.Store).CreateAsync(fixture.Store, customer);
        var parts = key.Seal(Phone).Split('.');
        var ciphertext = Base64Url.DecodeFromChars(parts[3]);
        ciphertext[0] ^= 0x01;
        parts[3] = Base64Url.EncodeToString(ciphertext);

        var unreadable = Assert.Throws<PersonalDataUnreadableException>(() => key.Open(string.Join('.', parts)));
        Assert.Equal(PersonalDataFault.Tampered, unreadable.Fault);
        Assert.Equal(customer, unreadable.SubjectId);
        Assert.DoesNotContain("5550123", unreadable.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an envelope")]
    [InlineData("pd1.zzz.a.b.c")]
    [InlineData("pd1...")]
    public async Task anything_but_an_envelope_is_reported_as_tampering(string value)
    {
        var keys = KeyRing.Over(fixture.Store);
        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => keys.OpenAsync(value, CancellationToken.None));
        Assert.Equal(PersonalDataFault.Tampered, unreadable.Fault);
    }

    [Fact]
    public async Task an_envelope_moved_to_another_customer_does_not_open_with_their_key()
    {
        var keys = KeyRing.Over(fixture.Store);
        var victim = await keys.CreateAsync(fixture.Store, Guid.CreateVersion7());
        var other = await keys.CreateAsync(fixture.Store, Guid.CreateVersion7());
        var moved = victim.Seal(Phone).Replace(victim.SubjectId.ToString("N"), other.SubjectId.ToString("N"), StringComparison.Ordinal);

        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => keys.OpenAsync(moved, CancellationToken.None));
        Assert.Equal(PersonalDataFault.Tampered, unreadable.Fault);
    }

    [Fact]
    public async Task a_key_that_never_existed_is_reported_as_missing_not_erased()
    {
        var keys = KeyRing.Over(fixture.Store);
        var orphan = new DataKey(Guid.CreateVersion7(), DataKey.NewKeyMaterial()).Seal(Phone);

        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => keys.OpenAsync(orphan, CancellationToken.None));
        Assert.Equal(PersonalDataFault.KeyMissing, unreadable.Fault);
    }

    [Fact]
    public async Task a_master_key_removed_before_rotation_makes_its_data_keys_missing()
    {
        var customer = Guid.CreateVersion7();
        await KeyRing.Over(fixture.Store, KeyRing.Options("retired", ("retired", TestSecrets.NewKey()))).CreateAsync(fixture.Store, customer);

        var withoutIt = KeyRing.Over(fixture.Store, KeyRing.Options("current", ("current", TestSecrets.NewKey())));
        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => withoutIt.GetAsync(customer, CancellationToken.None));
        Assert.Equal(PersonalDataFault.KeyMissing, unreadable.Fault);
    }

    [Fact]
    public async Task a_destroyed_key_is_reported_as_erased_and_its_values_stay_closed()
    {
        var keys = KeyRing.Over(fixture.Store);
        var customer = Guid.CreateVersion7();
        var envelope = (await keys.CreateAsync(fixture.Store, customer)).Seal(Phone);
        Assert.Equal(Phone, await keys.OpenAsync(envelope, CancellationToken.None)); // cached now

        await using (var session = fixture.Store.LightweightSession())
        {
            await keys.DestroyAsync(session, customer, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => keys.OpenAsync(envelope, CancellationToken.None));
        Assert.Equal(PersonalDataFault.Erased, unreadable.Fault);
        await using var query = fixture.Store.QuerySession();
        var tombstone = await query.LoadAsync<DataKeyRecord>(customer);
        Assert.Null(tombstone!.WrappedKey);
        Assert.NotNull(tombstone.DestroyedAt);
    }

    [Fact]
    public async Task a_wrapped_key_copied_onto_another_customer_does_not_unwrap()
    {
        var options = KeyRing.NewOptions();
        var keys = KeyRing.Over(fixture.Store, options);
        var victim = Guid.CreateVersion7();
        var thief = Guid.CreateVersion7();
        await keys.CreateAsync(fixture.Store, victim);
        await keys.CreateAsync(fixture.Store, thief);
        await using (var session = fixture.Store.LightweightSession())
        {
            var stolen = await session.LoadAsync<DataKeyRecord>(victim);
            var target = await session.LoadAsync<DataKeyRecord>(thief);
            session.Store(target! with { WrappedKey = stolen!.WrappedKey });
            await session.SaveChangesAsync();
        }

        var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => KeyRing.Over(fixture.Store, options).GetAsync(thief, CancellationToken.None));
        Assert.Equal(PersonalDataFault.Tampered, unreadable.Fault);
    }

    [Fact]
    public void blind_indexes_ignore_formatting_but_depend_on_the_key()
    {
        var index = new BlindIndex(KeyRing.NewOptions());
        var otherKey = new BlindIndex(KeyRing.NewOptions());

        Assert.Equal(index.OfEmail("Ada@Example.org "), index.OfEmail("ada@example.org"));
        Assert.Equal(index.OfPhone("+49 170 555-0123"), index.OfPhone("491705550123"));
        Assert.NotEqual(index.OfEmail("ada@example.org"), otherKey.OfEmail("ada@example.org"));
        // A bare HMAC in hex: nothing of the address (hex itself may spell "ada" by chance, so that is no test).
        Assert.Matches("^[0-9a-f]{64}$", index.OfEmail("ada@example.org"));
        Assert.Null(index.OfPhone(" - "));
    }

    [Fact]
    public void a_missing_or_malformed_master_key_stops_the_service_from_starting()
    {
        Assert.Throws<InvalidOperationException>(() => new ConfiguredMasterKeys(KeyRing.Options("absent", ("m1", TestSecrets.NewKey()))));
        Assert.Throws<InvalidOperationException>(() => new ConfiguredMasterKeys(KeyRing.Options("m1", ("m1", "c2hvcnQ="))));
    }

}
