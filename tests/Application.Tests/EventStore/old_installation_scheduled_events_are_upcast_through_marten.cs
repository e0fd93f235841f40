using JasperFx;
using Marten;
using SolarEvents.Application.EventStore;
using SolarEvents.Domain.Orders;
using static SolarEvents.Application.Tests.EventStore.StoryClock;

namespace SolarEvents.Application.Tests.EventStore;

[Collection(SharedEventStore.Name)]
public sealed class old_installation_scheduled_events_are_upcast_through_marten(EventStoreFixture fixture)
{
    private const string V1Name = "order.installation_scheduled.v1";
    private static readonly InstallationWindow Window = new(Date(30), Date(32));

    [Fact]
    public async Task a_v1_event_reads_back_as_the_current_shape_with_no_crew_and_the_order_rebuilds()
    {
        var legacy = await WriteLegacyStream();

        await using var query = fixture.Store.QuerySession();
        var read = await query.Events.FetchStreamAsync(legacy.StreamId);
        var scheduled = read[^1];

        Assert.Equal(V1Name, scheduled.EventTypeName);
        Assert.Equal(new InstallationScheduled(legacy.StreamId, Window, CrewId: null, Day(11)), Assert.IsType<InstallationScheduled>(scheduled.Data));

        var order = await query.Events.AggregateStreamAsync<Order>(legacy.StreamId);
        Assert.Equal(legacy.State, order);
        Assert.Equal(OrderStatus.InstallationScheduled, order!.Status);
        Assert.Equal(Window, order.Window);
    }

    [Fact]
    public async Task an_order_scheduled_under_v1_goes_on_with_the_current_decisions()
    {
        var legacy = await WriteLegacyStream();

        await using (var session = fixture.Store.LightweightSession())
        {
            var order = await session.Events.FetchForWriting<Order>(legacy.StreamId);
            var installed = Order.RecordInstallation(order.Aggregate!, new RecordInstallation(legacy.StreamId), Day(30)).ThrowIfRejected();
            order.AppendMany(installed);
            await session.SaveChangesAsync();
        }

        await using var query = fixture.Store.QuerySession();
        var rebuilt = await query.Events.AggregateStreamAsync<Order>(legacy.StreamId);
        Assert.Equal(OrderStatus.Installed, rebuilt!.Status);
        Assert.Equal(legacy.Events.Count + 1, (await query.Events.FetchStreamStateAsync(legacy.StreamId))!.Version);
    }

    /// <summary>An order accepted today, then scheduled the way the code before crews did it.</summary>
    private async Task<Story<Order>> WriteLegacyStream()
    {
        var story = OrderStories.Accepted(Guid.CreateVersion7());
        story.ThenStored(new InstallationScheduledV1(story.StreamId, Window, Day(11)));

        using var writer = LegacyWriter(fixture.ConnectionString);
        await using var session = writer.LightweightSession();
        session.Events.StartStream<Order>(story.StreamId, [.. story.Events]);
        await session.SaveChangesAsync();
        return story;
    }

    /// <summary>
    /// The application as it was before version 2: same database, schema and serializer, but writing
    /// <see cref="InstallationScheduledV1"/> under its old name. It never changes the schema the
    /// production store created.
    /// </summary>
    private static DocumentStore LegacyWriter(string connectionString) => DocumentStore.For(options =>
    {
        EventStoreConfiguration.Configure(options, connectionString);
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Events.MapEventType<InstallationScheduledV1>(V1Name);
    });
}
