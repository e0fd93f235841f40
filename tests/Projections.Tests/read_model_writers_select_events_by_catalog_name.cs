using SolarEvents.Domain;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.Accounts;
using SolarEvents.Projections.ChangeRequests;
using SolarEvents.Projections.Orders;

namespace SolarEvents.Projections.Tests;

/// <summary>Each writer takes the events whose cataloged name starts with its stream kind, wherever their classes
/// live: moving an event class leaves the read models as they are. No database is needed.</summary>
public sealed class read_model_writers_select_events_by_catalog_name
{
    private static readonly Dictionary<string, Func<Type, bool>> Writers = new()
    {
        ["order"] = OrderSummaryWriter.IsOrderEvent,
        ["account"] = AccountViewWriter.IsAccountEvent,
        ["change_request"] = ChangeRequestViewWriter.IsChangeRequestEvent,
    };

    [Fact]
    public void every_cataloged_event_is_taken_by_the_writer_of_its_name_prefix_and_no_other() =>
        Assert.All(EventCatalog.Current, e =>
        {
            var kind = e.Name.Split('.')[0];
            foreach (var (writerKind, takes) in Writers) Assert.Equal(writerKind == kind, takes(e.Type));
        });

    [Theory]
    [InlineData(typeof(Order))]
    [InlineData(typeof(OrderStatus))]
    [InlineData(typeof(Account))]
    [InlineData(typeof(ChangeRequest))]
    [InlineData(typeof(ChangeRequestStatus))]
    public void a_type_beside_the_events_that_is_not_cataloged_is_taken_by_no_writer(Type type) =>
        Assert.All(Writers.Values, takes => Assert.False(takes(type)));
}
