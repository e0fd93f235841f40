using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Orders.OrderRules;

namespace SolarEvents.Domain.Orders;

// From the accepted quote to the running system.
public sealed partial record Order
{
    public static Decision ScheduleInstallation(Order order, ScheduleInstallation command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.QuoteAccepted) return Refuse(QuoteNotAccepted);
        if (order.Status >= OrderStatus.Installed) return Refuse(AlreadyInstalled);
        if (order.Status == OrderStatus.InstallationScheduled) return Refuse(InstallationAlreadyScheduled);
        if (CheckWindow(command.Window, now) is { } refused) return refused;
        return Decision.Accept(new InstallationScheduled(order.Id, command.Window, command.CrewId, now));
    }

    public static Decision RescheduleInstallation(Order order, RescheduleInstallation command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status >= OrderStatus.Installed) return Refuse(AlreadyInstalled);
        if (order.Status < OrderStatus.InstallationScheduled || order.Window is null) return Refuse(InstallationNotScheduled);
        if (CheckWindow(command.NewWindow, now) is { } refused) return refused;
        if (command.NewWindow == order.Window) return Refuse(InstallationWindowUnchanged);
        return Decision.Accept(new InstallationRescheduled(
            order.Id, order.Window, command.NewWindow, command.Reason, command.ChangeRequestId, now));
    }

    public static Decision RecordInstallation(Order order, RecordInstallation command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.InstallationScheduled) return Refuse(InstallationNotScheduled);
        if (order.Status > OrderStatus.InstallationScheduled) return Refuse(AlreadyInstalled);
        return Decision.Accept(new SystemInstalled(order.Id, now));
    }

    public static Decision ApproveGridConnection(Order order, ApproveGridConnection command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.Installed) return Refuse(NotInstalled);
        if (order.Status > OrderStatus.Installed) return Refuse(GridConnectionAlreadyApproved);
        return Decision.Accept(new GridConnectionApproved(order.Id, command.GridOperatorReference, now));
    }

    public static Decision ActivateSystem(Order order, ActivateSystem command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.GridConnectionApproved) return Refuse(GridConnectionNotApproved);
        if (order.Status > OrderStatus.GridConnectionApproved) return Refuse(AlreadyActivated);
        return Decision.Accept(new SystemActivated(order.Id, now));
    }

    /// <summary>A window must be ordered and start after today (UTC): crews are not dispatched same-day.</summary>
    private static Decision? CheckWindow(InstallationWindow window, DateTimeOffset now)
    {
        if (!window.IsOrdered) return Refuse(InstallationWindowInvalid);
        if (window.From <= DateOnly.FromDateTime(now.UtcDateTime)) return Refuse(DateInPast);
        return null;
    }
}
