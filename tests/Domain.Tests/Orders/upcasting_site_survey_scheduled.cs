using System.Text.Json;
using SolarEvents.Domain.Orders;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>site_survey_scheduled v1 had no crew; v2 names the crew doing the survey.</summary>
public class upcasting_site_survey_scheduled
{
    private static readonly SiteSurveyScheduledV1 Old = new(OrderId, Now.AddDays(-20), Now.AddDays(-29));

    [Fact]
    public void a_v1_event_becomes_v2_with_the_crew_unknown() =>
        Assert.Equal(
            new SiteSurveyScheduled(OrderId, Now.AddDays(-20), CrewId: null, Now.AddDays(-29)),
            SiteSurveyScheduledUpcaster.Upcast(Old));

    [Fact]
    public void the_catalog_reads_the_v1_name_through_the_upcaster()
    {
        var superseded = Assert.Single(EventCatalog.Superseded, e => e.Name == "order.site_survey_scheduled.v1");

        Assert.Equal(typeof(SiteSurveyScheduledV1), superseded.OldType);
        Assert.Equal("order.site_survey_scheduled.v2", EventCatalog.NameOf(superseded.NewType));
        Assert.Equal(SiteSurveyScheduledUpcaster.Upcast(Old), superseded.Upcast(Old));
    }

    [Fact]
    public void v1_json_as_stored_before_the_change_still_reads()
    {
        const string storedJson = """
            {"OrderId":"00000001-0000-0000-0000-000000000000",
             "SurveyAt":"2026-02-10T09:00:00+00:00",
             "ScheduledAt":"2026-02-01T09:00:00+00:00"}
            """;
        var old = JsonSerializer.Deserialize<SiteSurveyScheduledV1>(storedJson)!;

        var upcast = SiteSurveyScheduledUpcaster.Upcast(old);

        Assert.Equal(OrderId, upcast.OrderId);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero), upcast.SurveyAt);
        Assert.Null(upcast.CrewId);
    }

    [Fact]
    public void an_order_rebuilt_from_v1_history_folds_to_the_same_state_as_from_v2_history()
    {
        var fromV1 = Given(Requested, Old, SurveyCompleted, OrderStory.QuoteIssued);
        var fromV2 = Given(Requested, SiteSurveyScheduledUpcaster.Upcast(Old), SurveyCompleted, OrderStory.QuoteIssued);

        Assert.Equal(fromV2, fromV1);
        Assert.Equal(Now.AddDays(-20), Given(Requested, Old).SurveyAt);
        Assert.Null(Given(Requested, Old).SurveyCrewId);
        Assert.Equal(OrderStatus.SurveyScheduled, Given(Requested, Old).Status);
    }
}
