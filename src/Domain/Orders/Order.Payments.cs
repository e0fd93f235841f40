using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Orders.OrderRules;

namespace SolarEvents.Domain.Orders;

// Money in and out. Amounts are always positive and in the currency of the order's quote.
public sealed partial record Order
{
    /// <summary>The provider has taken the money, so a payment beyond what is owed is recorded all the same and
    /// flagged for support with the excess (the part above the balance still owed before it).</summary>
    public static Decision RecordPayment(Order order, RecordPayment command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.QuoteAccepted || order.Quote is null) return Refuse(QuoteNotAccepted);
        if (CheckAmount(order.Quote, command.Amount) is { } refused) return refused;
        if (order.PaymentProviderEventIds.Contains(command.ProviderEventId)) return Refuse(PaymentAlreadyRecorded);
        var recorded = new PaymentRecorded(
            order.Id, command.Amount, command.Kind, command.ProviderEventId, command.PaidAt, now);
        var excess = command.Amount.Amount - Math.Max(order.Total - order.NetPaid, 0);
        return excess > 0
            ? Decision.Accept(
                recorded,
                new PaymentExceededBalance(order.Id, new Money(excess, order.Quote.Currency), command.ProviderEventId, now))
            : Decision.Accept(recorded);
    }

    /// <summary>Allowed in any status, cancelled included: that is when most refunds happen.</summary>
    public static Decision RefundPayment(Order order, RefundPayment command, DateTimeOffset now)
    {
        if (order.Quote is null) return Refuse(RefundExceedsPaid);
        if (CheckAmount(order.Quote, command.Amount) is { } refused) return refused;
        if (command.Amount.Amount > order.NetPaid) return Refuse(RefundExceedsPaid);
        return Decision.Accept(new PaymentRefunded(
            order.Id, command.Amount, command.Reason, command.ChangeRequestId, now));
    }

    private static Decision? CheckAmount(OpenQuote quote, Money amount)
    {
        if (amount.Amount <= 0) return Refuse(MoneyRules.AmountNotPositive);
        if (!Money.IsIsoCurrencyCode(amount.Currency)) return Refuse(MoneyRules.CurrencyInvalid);
        if (amount.Currency != quote.Currency) return Refuse(MoneyRules.CurrencyMismatch);
        return null;
    }
}
