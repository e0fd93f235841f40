using JasperFx;
using Microsoft.Extensions.Caching.Memory;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// The key service: creates a subject's data key (in the caller's session, so it commits with the events it
/// protects), finds it (unwrapped, cached briefly), destroys it (erasure), and re-wraps every key under the
/// active master key (rotation; events are never touched).
/// </summary>
public sealed class PersonalDataKeys(IDocumentStore store, IMasterKeyService masterKeys, IMemoryCache cache, PersonalDataOptions options, TimeProvider clock)
{
    private const int RotationBatch = 200;

    public async Task<DataKey> CreateAsync(IDocumentSession session, Guid subjectId, CancellationToken cancellation)
    {
        var material = DataKey.NewKeyMaterial();
        var wrapped = await masterKeys.WrapAsync(subjectId, material, cancellation);
        session.Insert(new DataKeyRecord
        {
            Id = subjectId, MasterKeyId = wrapped.MasterKeyId, WrappedKey = wrapped.Ciphertext, CreatedAt = clock.GetUtcNow(),
        });
        return new DataKey(subjectId, material);
    }

    /// <summary>Whether the subject's key is gone, asked of the store rather than the cache: for what must not happen
    /// even a moment after an erasure committed on another instance, such as sending them a mail.</summary>
    public async Task<bool> IsDestroyedAsync(Guid subjectId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<DataKeyRecord>(subjectId, cancellation) is not { IsDestroyed: false };
    }

    /// <summary>The subject's key; <see cref="PersonalDataUnreadableException"/> when it was erased or is missing.</summary>
    public async Task<DataKey> GetAsync(Guid subjectId, CancellationToken cancellation)
    {
        if (cache.TryGetValue(CacheKey(subjectId), out DataKey? cached)) return cached!;
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<DataKeyRecord>(subjectId, cancellation);
        if (record is null) throw new PersonalDataUnreadableException(subjectId, PersonalDataFault.KeyMissing);
        if (record.IsDestroyed || record.WrappedKey is null || record.MasterKeyId is null)
            throw new PersonalDataUnreadableException(subjectId, PersonalDataFault.Erased);
        var material = await masterKeys.UnwrapAsync(subjectId, new WrappedDataKey(record.MasterKeyId, record.WrappedKey), cancellation);
        var key = new DataKey(subjectId, material);
        cache.Set(CacheKey(subjectId), key, options.KeyCacheDuration);
        return key;
    }

    /// <summary>Opens an envelope with whichever subject's key sealed it.</summary>
    public async Task<string> OpenAsync(string envelope, CancellationToken cancellation)
    {
        var keyId = SealedValue.KeyIdOf(envelope) ?? throw new PersonalDataUnreadableException(null, PersonalDataFault.Tampered);
        return (await GetAsync(keyId, cancellation)).Open(envelope);
    }

    /// <summary>Destroys the key in the caller's session (it commits with the erasure event). The unwrapped key
    /// leaves this process's cache now; see <see cref="PersonalDataOptions.KeyCacheDuration"/> for others.</summary>
    public async Task DestroyAsync(IDocumentSession session, Guid subjectId, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var record = await session.LoadAsync<DataKeyRecord>(subjectId, cancellation) ?? new DataKeyRecord { Id = subjectId, CreatedAt = now };
        session.Store(record with { MasterKeyId = null, WrappedKey = null, DestroyedAt = now });
        cache.Remove(CacheKey(subjectId));
    }

    /// <summary>Re-wraps every live data key not yet under the active master key; returns how many. Safe to run
    /// again after an interruption, and alongside erasure (a key erased meanwhile stays erased).</summary>
    public async Task<int> RotateAsync(CancellationToken cancellation)
    {
        var rewrapped = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var batch = await session.Query<DataKeyRecord>()
                .Where(k => k.MasterKeyId != null && k.MasterKeyId != masterKeys.ActiveMasterKeyId)
                .Take(RotationBatch)
                .ToListAsync(cancellation);
            if (batch.Count == 0) return rewrapped;
            foreach (var record in batch)
            {
                var material = await masterKeys.UnwrapAsync(record.Id, new WrappedDataKey(record.MasterKeyId!, record.WrappedKey!), cancellation);
                var wrapped = await masterKeys.WrapAsync(record.Id, material, cancellation);
                session.Store(record with { MasterKeyId = wrapped.MasterKeyId, WrappedKey = wrapped.Ciphertext, RewrappedAt = clock.GetUtcNow() });
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
                rewrapped += batch.Count;
            }
            catch (ConcurrencyException)
            {
                // A key in this batch was erased or rotated meanwhile: take the batch again from what is stored now.
            }
        }
    }

    private static string CacheKey(Guid subjectId) => $"personal-data-key:{subjectId:N}";
}
