
namespace SolarEvents.Application.PersonalData;

/// <summary>
/// A subject's data key at rest, wrapped by a master key; a Marten document because erasure must be able to
/// destroy it (events cannot change). <see cref="Id"/> is the customer's or employee's id. Erasure replaces the
/// wrapped key with a tombstone (<see cref="DestroyedAt"/>), so "erased" is told apart from "never existed".
/// </summary>
public sealed record DataKeyRecord
{
    public required Guid Id { get; init; }

    public string? MasterKeyId { get; init; }

    public byte[]? WrappedKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RewrappedAt { get; init; }

    public DateTimeOffset? DestroyedAt { get; init; }

    /// <summary>Marten's optimistic-concurrency version: a rotation never resurrects a key erased meanwhile.</summary>
    public Guid Version { get; set; }

    public bool IsDestroyed => DestroyedAt is not null;

    internal static void Configure(StoreOptions options) =>
        options.Schema.For<DataKeyRecord>()
            .Index(k => k.MasterKeyId)
            .UseOptimisticConcurrency(true)
            .Metadata(m => m.Version.MapTo(k => k.Version));
}
