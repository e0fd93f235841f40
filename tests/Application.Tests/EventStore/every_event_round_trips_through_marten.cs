using SolarEvents.Domain;

namespace SolarEvents.Application.Tests.EventStore;

[Collection(SharedEventStore.Name)]
public sealed class every_event_round_trips_through_marten(EventStoreFixture fixture)
{
    [Fact]
    public async Task each_event_reads_back_equal_under_its_catalog_name_and_the_scenario_covers_the_whole_catalog()
    {
        var streams = new Scenario().Streams;
        await using (var session = fixture.Store.LightweightSession())
        {
            foreach (var stream in streams) session.Events.StartStream(stream.Aggregate, stream.Id, [.. stream.Events]);
            await session.SaveChangesAsync();
        }

        var covered = new HashSet<Type>();
        await using var query = fixture.Store.QuerySession();
        var serializer = fixture.Store.Options.Serializer();
        foreach (var stream in streams)
        {
            var read = await query.Events.FetchStreamAsync(stream.Id);

            Assert.Equal(stream.Events.Count, read.Count);
            foreach (var (appended, stored) in stream.Events.Zip(read))
            {
                EventAssert.Same(appended, stored.Data, serializer);
                Assert.Equal(EventCatalog.NameOf(appended.GetType()), stored.EventTypeName);
                covered.Add(stored.Data.GetType());
            }
        }

        // A type added to the catalog without a story that emits it fails here, not silently.
        Assert.Equal(
            EventCatalog.Current.Select(e => e.Type.FullName).Order(),
            covered.Select(t => t.FullName).Order());
    }
}
