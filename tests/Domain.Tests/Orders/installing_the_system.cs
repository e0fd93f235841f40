using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class installing_the_system
{
    private static readonly ScheduleInstallation Schedule = new(OrderId, Window, CrewId);
    private static readonly InstallationWindow Later = new(Today.AddDays(30), Today.AddDays(31));
    private static readonly RescheduleInstallation Reschedule = new(OrderId, Later, "Crew ill", RequestId);

    [Fact]
    public void scheduling_after_the_quote_is_accepted_records_window_and_crew()
    {
        var decision = Order.ScheduleInstallation(At(OrderStatus.QuoteAccepted), Schedule, Now);

        Expect.Events(decision, new InstallationScheduled(OrderId, Window, CrewId, Now));
        Assert.Equal(CrewId, Given([.. UpTo(OrderStatus.QuoteAccepted), .. decision.Events]).InstallationCrewId);
    }

    [Theory]
    [InlineData(OrderStatus.QuoteRequested)]
    [InlineData(OrderStatus.SurveyCompleted)]
    [InlineData(OrderStatus.QuoteIssued)]
    public void scheduling_before_quote_is_accepted_is_refused(OrderStatus status) =>
        Expect.Refused(Order.ScheduleInstallation(At(status), Schedule, Now), OrderRules.QuoteNotAccepted);

    [Fact]
    public void scheduling_twice_is_refused_in_favour_of_rescheduling() =>
        Expect.Refused(
            Order.ScheduleInstallation(At(OrderStatus.InstallationScheduled), Schedule, Now),
            OrderRules.InstallationAlreadyScheduled);

    [Fact]
    public void scheduling_after_installation_is_refused() =>
        Expect.Refused(Order.ScheduleInstallation(At(OrderStatus.Installed), Schedule, Now), OrderRules.AlreadyInstalled);

    [Fact]
    public void a_window_that_ends_before_it_starts_is_refused() =>
        Expect.Refused(
            Order.ScheduleInstallation(
                At(OrderStatus.QuoteAccepted), Schedule with { Window = new(Today.AddDays(5), Today.AddDays(4)) }, Now),
            OrderRules.InstallationWindowInvalid);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void a_window_starting_today_or_earlier_is_refused(int days) =>
        Expect.Refused(
            Order.ScheduleInstallation(
                At(OrderStatus.QuoteAccepted), Schedule with { Window = new(Today.AddDays(days), Today.AddDays(5)) }, Now),
            OrderRules.DateInPast);

    [Fact]
    public void rescheduling_moves_the_window_and_names_the_change_request()
    {
        var decision = Order.RescheduleInstallation(At(OrderStatus.InstallationScheduled), Reschedule, Now);

        Expect.Events(decision, new InstallationRescheduled(OrderId, Window, Later, "Crew ill", RequestId, Now));
        Assert.Equal(Later, Given([.. UpTo(OrderStatus.InstallationScheduled), .. decision.Events]).Window);
    }

    [Fact]
    public void rescheduling_keeps_the_crew() =>
        Assert.Equal(
            CrewId,
            Given([.. UpTo(OrderStatus.InstallationScheduled), .. Order.RescheduleInstallation(
                At(OrderStatus.InstallationScheduled), Reschedule, Now).Events]).InstallationCrewId);

    [Fact]
    public void rescheduling_an_unscheduled_installation_is_refused() =>
        Expect.Refused(
            Order.RescheduleInstallation(At(OrderStatus.QuoteAccepted), Reschedule, Now),
            OrderRules.InstallationNotScheduled);

    [Fact]
    public void rescheduling_to_the_same_window_is_refused() =>
        Expect.Refused(
            Order.RescheduleInstallation(At(OrderStatus.InstallationScheduled), Reschedule with { NewWindow = Window }, Now),
            OrderRules.InstallationWindowUnchanged);

    [Fact]
    public void rescheduling_into_the_past_is_refused() =>
        Expect.Refused(
            Order.RescheduleInstallation(
                At(OrderStatus.InstallationScheduled), Reschedule with { NewWindow = new(Today, Today) }, Now),
            OrderRules.DateInPast);

    [Fact]
    public void rescheduling_after_installation_is_refused() =>
        Expect.Refused(
            Order.RescheduleInstallation(At(OrderStatus.Installed), Reschedule, Now),
            OrderRules.AlreadyInstalled);

    [Fact]
    public void recording_the_installation_after_scheduling() =>
        Expect.Events(
            Order.RecordInstallation(At(OrderStatus.InstallationScheduled), new RecordInstallation(OrderId), Now),
            new SystemInstalled(OrderId, Now));

    [Fact]
    public void installing_before_scheduling_is_refused() =>
        Expect.Refused(
            Order.RecordInstallation(At(OrderStatus.QuoteAccepted), new RecordInstallation(OrderId), Now),
            OrderRules.InstallationNotScheduled);

    [Fact]
    public void installing_twice_is_refused() =>
        Expect.Refused(
            Order.RecordInstallation(At(OrderStatus.Installed), new RecordInstallation(OrderId), Now),
            OrderRules.AlreadyInstalled);
}
