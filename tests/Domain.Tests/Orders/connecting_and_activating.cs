using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class connecting_and_activating
{
    private static readonly ApproveGridConnection Approve = new(OrderId, "GRID-77");
    private static readonly ActivateSystem Activate = new(OrderId);

    [Fact]
    public void approving_the_grid_connection_after_installation() =>
        Expect.Events(
            Order.ApproveGridConnection(At(OrderStatus.Installed), Approve, Now),
            new GridConnectionApproved(OrderId, "GRID-77", Now));

    [Fact]
    public void approving_the_grid_connection_before_installation_is_refused() =>
        Expect.Refused(
            Order.ApproveGridConnection(At(OrderStatus.InstallationScheduled), Approve, Now),
            OrderRules.NotInstalled);

    [Fact]
    public void approving_the_grid_connection_twice_is_refused() =>
        Expect.Refused(
            Order.ApproveGridConnection(At(OrderStatus.GridConnectionApproved), Approve, Now),
            OrderRules.GridConnectionAlreadyApproved);

    [Fact]
    public void activating_after_grid_approval() =>
        Expect.Events(
            Order.ActivateSystem(At(OrderStatus.GridConnectionApproved), Activate, Now),
            new SystemActivated(OrderId, Now));

    [Fact]
    public void activating_before_grid_approval_is_refused() =>
        Expect.Refused(Order.ActivateSystem(At(OrderStatus.Installed), Activate, Now), OrderRules.GridConnectionNotApproved);

    [Fact]
    public void activating_twice_is_refused() =>
        Expect.Refused(Order.ActivateSystem(At(OrderStatus.Activated), Activate, Now), OrderRules.AlreadyActivated);

    [Fact]
    public void the_happy_path_ends_activated() =>
        Assert.Equal(OrderStatus.Activated, At(OrderStatus.Activated).Status);

    [Fact]
    public void no_step_proceeds_on_a_cancelled_order()
    {
        var cancelled = At(OrderStatus.InstallationScheduled, Cancelled);

        Expect.Refused(Order.ScheduleSiteSurvey(cancelled, new(OrderId, Now.AddDays(1), CrewId), Now), OrderRules.OrderIsCancelled);
        Expect.Refused(Order.CompleteSiteSurvey(cancelled, new(OrderId, "x", 1m), Now), OrderRules.OrderIsCancelled);
        Expect.Refused(Order.ScheduleInstallation(cancelled, new(OrderId, Window, null), Now), OrderRules.OrderIsCancelled);
        Expect.Refused(
            Order.RescheduleInstallation(cancelled, new(OrderId, Window, "x", null), Now), OrderRules.OrderIsCancelled);
        Expect.Refused(Order.RecordInstallation(cancelled, new(OrderId), Now), OrderRules.OrderIsCancelled);
        Expect.Refused(Order.ApproveGridConnection(cancelled, Approve, Now), OrderRules.OrderIsCancelled);
        Expect.Refused(Order.ActivateSystem(cancelled, Activate, Now), OrderRules.OrderIsCancelled);
    }
}
