using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class cancelling_an_order
{
    private static CancelOrder Cancel(decimal? refundDue = null, Guid? requestId = null) =>
        new(OrderId, "Changed mind", refundDue, requestId);

    [Theory]
    [InlineData(OrderStatus.QuoteRequested)]
    [InlineData(OrderStatus.QuoteIssued)]
    [InlineData(OrderStatus.InstallationScheduled)]
    public void cancelling_before_installation_with_nothing_paid_needs_no_refund_decision(OrderStatus status) =>
        Expect.Events(
            Order.CancelOrder(At(status), Cancel(), Now),
            new OrderCancelled(OrderId, "Changed mind", null, null, Now));

    [Theory]
    [InlineData(OrderStatus.Installed)]
    [InlineData(OrderStatus.Activated)]
    public void cancelling_after_installation_is_refused(OrderStatus status) =>
        Expect.Refused(Order.CancelOrder(At(status), Cancel(), Now), OrderRules.CancelAfterInstallation);

    [Fact]
    public void cancelling_twice_is_refused() =>
        Expect.Refused(Order.CancelOrder(At(OrderStatus.QuoteIssued, Cancelled), Cancel(), Now), OrderRules.OrderIsCancelled);

    [Fact]
    public void cancelling_after_a_payment_without_a_refund_decision_is_refused() =>
        Expect.Refused(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m)), Cancel(), Now),
            OrderRules.CancellationNeedsRefundDecision);

    [Fact]
    public void cancelling_after_a_payment_records_the_refund_due_under_the_change_request() =>
        Expect.Events(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m)), Cancel(800m, RequestId), Now),
            new OrderCancelled(OrderId, "Changed mind", Eur(800m), RequestId, Now));

    [Fact]
    public void keeping_the_whole_payment_is_a_refund_decision_too() =>
        Expect.Events(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m)), Cancel(0m), Now),
            new OrderCancelled(OrderId, "Changed mind", Eur(0m), null, Now));

    [Fact]
    public void a_refund_due_beyond_what_was_paid_is_refused() =>
        Expect.Refused(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m)), Cancel(1000.5m), Now),
            OrderRules.RefundExceedsPaid);

    [Fact]
    public void a_negative_refund_due_is_refused() =>
        Expect.Refused(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m)), Cancel(-1m), Now),
            OrderRules.RefundDueInvalid);

    [Fact]
    public void the_refund_due_counts_only_money_not_yet_refunded()
    {
        var refunded = new PaymentRefunded(OrderId, Eur(700m), "Partial", RequestId, Now.AddMinutes(-2));
        Expect.Refused(
            Order.CancelOrder(At(OrderStatus.QuoteAccepted, Paid(1000m), refunded), Cancel(301m), Now),
            OrderRules.RefundExceedsPaid);
    }

    [Fact]
    public void a_cancelled_order_is_cancelled() =>
        Assert.Equal(OrderStatus.Cancelled, At(OrderStatus.QuoteIssued, Cancelled).Status);
}
