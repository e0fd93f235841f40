using System.Text.Json;

namespace SolarEvents.Domain.Tests.Support;

/// <summary>Stores events the way the event store does, by stable name and JSON, and reads them back:
/// a rebuild from these proves the state does not depend on the in-memory instances.</summary>
public static class EventJson
{
    public static IReadOnlyList<object> RoundTrip(IEnumerable<object> events) =>
        [.. events.Select(Store).Select(Load)];

    public static (string Name, string Json) Store(object e) =>
        (EventCatalog.NameOf(e.GetType()), JsonSerializer.Serialize(e, e.GetType()));

    public static object Load((string Name, string Json) stored)
    {
        var type = EventCatalog.Current.Single(c => c.Name == stored.Name).Type;
        return JsonSerializer.Deserialize(stored.Json, type)
            ?? throw new InvalidOperationException($"{stored.Name} deserialized to null.");
    }
}
