using System.Text.Json;
using SolarEvents.Domain.Orders;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>The worked schema change: installation_scheduled v1 had no crew; v2 adds one.</summary>
public class upcasting_installation_scheduled
{
    private static readonly InstallationScheduledV1 Old = new(OrderId, Window, Now.AddDays(-100));

    [Fact]
    public void a_v1_event_becomes_v2_with_the_crew_unknown() =>
        Assert.Equal(
            new InstallationScheduled(OrderId, Window, CrewId: null, Now.AddDays(-100)),
            InstallationScheduledUpcaster.Upcast(Old));

    [Fact]
    public void the_catalog_reads_the_v1_name_through_the_upcaster()
    {
        var superseded = Assert.Single(EventCatalog.Superseded, e => e.OldType == typeof(InstallationScheduledV1));

        Assert.Equal("order.installation_scheduled.v1", superseded.Name);
        Assert.Equal(typeof(InstallationScheduledV1), superseded.OldType);
        Assert.Equal("order.installation_scheduled.v2", EventCatalog.NameOf(superseded.NewType));
        Assert.Equal(InstallationScheduledUpcaster.Upcast(Old), superseded.Upcast(Old));
    }

    [Fact]
    public void v1_json_as_stored_before_the_change_still_reads()
    {
        const string storedJson = """
            {"OrderId":"00000001-0000-0000-0000-000000000000",
             "Window":{"From":"2026-03-22","To":"2026-03-24"},
             "ScheduledAt":"2025-11-22T09:00:00+00:00"}
            """;
        var old = JsonSerializer.Deserialize<InstallationScheduledV1>(storedJson)!;

        var upcast = InstallationScheduledUpcaster.Upcast(old);

        Assert.Equal(Window, upcast.Window);
        Assert.Null(upcast.CrewId);
    }

    [Fact]
    public void an_order_rebuilt_from_v1_history_decides_like_one_from_v2_history()
    {
        var fromV1 = Given([.. UpTo(OrderStatus.QuoteAccepted), Old]);
        var fromV2 = Given([.. UpTo(OrderStatus.QuoteAccepted), InstallationScheduledUpcaster.Upcast(Old)]);

        Assert.Equal(fromV2, fromV1);
        Assert.Equal(OrderStatus.InstallationScheduled, fromV1.Status);
        Assert.Equal(Window, fromV1.Window);
    }
}
