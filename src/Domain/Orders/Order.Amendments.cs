using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Orders.OrderRules;

namespace SolarEvents.Domain.Orders;

// Changes after the fact. Whether the caller may make them (their change request) is decided before,
// by ChangeRequest.Authorize; these decide only whether the order allows them.
public sealed partial record Order
{
    public static Decision ChangeSystemConfiguration(Order order, ChangeSystemConfiguration command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status >= OrderStatus.Installed) return Refuse(AlreadyInstalled);
        if (!command.NewSystem.IsComplete) return Refuse(SystemConfigurationInvalid);
        if (command.NewSystem == order.System) return Refuse(SystemConfigurationUnchanged);
        return Decision.Accept(new SystemConfigurationChanged(
            order.Id, order.System, command.NewSystem, command.Reason, command.ChangeRequestId, now));
    }

    public static Decision AdjustPrice(Order order, AdjustPrice command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Quote is null) return Refuse(QuoteNotIssued);
        if (!Money.IsIsoCurrencyCode(command.Adjustment.Currency)) return Refuse(MoneyRules.CurrencyInvalid);
        if (command.Adjustment.Currency != order.Quote.Currency) return Refuse(MoneyRules.CurrencyMismatch);
        if (command.Adjustment.Amount == 0) return Refuse(PriceAdjustmentZero);
        var newTotal = order.Total + command.Adjustment.Amount;
        if (newTotal < 0) return Refuse(PriceTotalNegative);
        return Decision.Accept(new PriceAdjusted(
            order.Id,
            command.Adjustment,
            new Money(newTotal, order.Quote.Currency),
            command.Reason,
            command.ChangeRequestId,
            now));
    }

    /// <summary>The customer's own cancellation, without a change request: only while nothing is scheduled to be
    /// built and nothing is paid, so there is no crew to stand down and no refund to decide. Otherwise support
    /// cancels (<see cref="CancelOrder"/>).</summary>
    public static Decision CancelOwnOrder(Order order, CancelOwnOrder command, DateTimeOffset now)
    {
        if (order.CustomerId != command.CustomerId) return Refuse(OrderNotOwned);
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status >= OrderStatus.InstallationScheduled) return Refuse(CancelNeedsSupport);
        if (order.NetPaid > 0) return Refuse(CancelAfterPaymentNeedsSupport);
        return Decision.Accept(new OrderCancelled(order.Id, command.Reason, RefundDue: null, ChangeRequestId: null, now));
    }

    /// <summary>Only before installation. Once money has come in, the cancellation must carry the refund
    /// decision (how much goes back), so no cancelled order is left with an open question about money.</summary>
    public static Decision CancelOrder(Order order, CancelOrder command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status >= OrderStatus.Installed) return Refuse(CancelAfterInstallation);
        if (command.RefundDue < 0) return Refuse(RefundDueInvalid);
        if (command.RefundDue > order.NetPaid) return Refuse(RefundExceedsPaid);
        if (order.NetPaid > 0 && command.RefundDue is null) return Refuse(CancellationNeedsRefundDecision);
        var refundDue = order.NetPaid > 0 && order.Quote is not null
            ? new Money(command.RefundDue ?? 0, order.Quote.Currency)
            : null;
        return Decision.Accept(new OrderCancelled(order.Id, command.Reason, refundDue, command.ChangeRequestId, now));
    }
}
