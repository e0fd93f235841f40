using Marten;
using Microsoft.Extensions.Caching.Memory;
using SolarEvents.Application.PersonalData;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.PersonalData;

/// <summary>A key service over the shared test store, with master keys chosen by the test.</summary>
public static class KeyRing
{
    public static PersonalDataOptions Options(string activeId, params (string Id, string Key)[] masterKeys) => new()
    {
        ActiveMasterKey = activeId,
        MasterKeys = masterKeys.ToDictionary(k => k.Id, k => k.Key),
        BlindIndexKey = TestSecrets.NewKey(),
    };

    public static PersonalDataKeys Over(IDocumentStore store, PersonalDataOptions options) =>
        new(store, new ConfiguredMasterKeys(options), new MemoryCache(new MemoryCacheOptions()), options, TimeProvider.System);

    public static PersonalDataOptions NewOptions() => Options("m1", ("m1", TestSecrets.NewKey()));

    public static PersonalDataKeys Over(IDocumentStore store) => Over(store, NewOptions());

    public static async Task<DataKey> CreateAsync(this PersonalDataKeys keys, IDocumentStore store, Guid subjectId)
    {
        await using var session = store.LightweightSession();
        var key = await keys.CreateAsync(session, subjectId, CancellationToken.None);
        await session.SaveChangesAsync();
        return key;
    }
}
