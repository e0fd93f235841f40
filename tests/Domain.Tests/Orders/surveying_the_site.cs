using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class surveying_the_site
{
    private static readonly ScheduleSiteSurvey Schedule = new(OrderId, Now.AddDays(3), SurveyCrewId);
    private static readonly CompleteSiteSurvey Complete = new(OrderId, "Roof sound, light shading east", 4.8m);

    [Fact]
    public void scheduling_a_survey_after_the_request_records_date_and_crew()
    {
        var decision = Order.ScheduleSiteSurvey(Given(Requested), Schedule, Now);

        Expect.Events(decision, new SiteSurveyScheduled(OrderId, Now.AddDays(3), SurveyCrewId, Now));
        var order = Given([Requested, .. decision.Events]);
        Assert.Equal(OrderStatus.SurveyScheduled, order.Status);
        Assert.Equal(SurveyCrewId, order.SurveyCrewId);
    }

    [Fact]
    public void a_survey_may_be_scheduled_before_its_crew_is_known() =>
        Expect.Events(
            Order.ScheduleSiteSurvey(Given(Requested), Schedule with { CrewId = null }, Now),
            new SiteSurveyScheduled(OrderId, Now.AddDays(3), null, Now));

    [Fact]
    public void a_scheduled_survey_may_be_moved_to_another_date_and_crew_before_it_is_done()
    {
        var otherCrew = Id(77);
        var decision = Order.ScheduleSiteSurvey(At(OrderStatus.SurveyScheduled), Schedule with { CrewId = otherCrew }, Now);

        Expect.Events(decision, new SiteSurveyScheduled(OrderId, Now.AddDays(3), otherCrew, Now));
        var moved = Given([.. UpTo(OrderStatus.SurveyScheduled), .. decision.Events]);
        Assert.Equal(OrderStatus.SurveyScheduled, moved.Status);
        Assert.Equal(Now.AddDays(3), moved.SurveyAt);
        Assert.Equal(otherCrew, moved.SurveyCrewId);
    }

    [Fact]
    public void a_survey_in_the_past_is_refused() =>
        Expect.Refused(
            Order.ScheduleSiteSurvey(Given(Requested), Schedule with { SurveyAt = Now }, Now),
            OrderRules.DateInPast);

    [Fact]
    public void scheduling_a_survey_after_it_was_completed_is_refused() =>
        Expect.Refused(
            Order.ScheduleSiteSurvey(At(OrderStatus.SurveyCompleted), Schedule, Now),
            OrderRules.SurveyAlreadyCompleted);

    [Fact]
    public void completing_the_survey_records_findings_and_the_adjusted_size()
    {
        var decision = Order.CompleteSiteSurvey(At(OrderStatus.SurveyScheduled), Complete, Now);

        Expect.Events(decision, new SiteSurveyCompleted(OrderId, Complete.Findings, 4.8m, Now));
        var order = Given([.. UpTo(OrderStatus.SurveyScheduled), .. decision.Events]);
        Assert.Equal(4.8m, order.EstimatedKwp);
        Assert.Equal(OrderStatus.SurveyCompleted, order.Status);
    }

    [Fact]
    public void completing_an_unscheduled_survey_is_refused() =>
        Expect.Refused(Order.CompleteSiteSurvey(Given(Requested), Complete, Now), OrderRules.SurveyNotScheduled);

    [Fact]
    public void completing_a_survey_twice_is_refused() =>
        Expect.Refused(
            Order.CompleteSiteSurvey(At(OrderStatus.SurveyCompleted), Complete, Now),
            OrderRules.SurveyAlreadyCompleted);

    [Fact]
    public void a_survey_finding_a_non_positive_size_is_refused() =>
        Expect.Refused(
            Order.CompleteSiteSurvey(At(OrderStatus.SurveyScheduled), Complete with { AdjustedKwp = 0 }, Now),
            OrderRules.SystemSizeNotPositive);
}
