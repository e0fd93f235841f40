using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>A customer cancels their own order until an installation is scheduled and while nothing is paid;
/// after that, support cancels it under a change request.</summary>
public class cancelling_ones_own_order
{
    private static readonly CancelOwnOrder Cancel = new(OrderId, CustomerId, "Found a cheaper offer");

    [Theory]
    [InlineData(OrderStatus.QuoteRequested)]
    [InlineData(OrderStatus.SurveyScheduled)]
    [InlineData(OrderStatus.SurveyCompleted)]
    [InlineData(OrderStatus.QuoteIssued)]
    [InlineData(OrderStatus.QuoteAccepted)]
    public void the_customer_cancels_before_an_installation_is_scheduled_without_refund_or_change_request(OrderStatus status)
    {
        var decision = Order.CancelOwnOrder(At(status), Cancel, Now);

        Expect.Events(decision, new OrderCancelled(OrderId, "Found a cheaper offer", null, null, Now));
        Assert.Equal(OrderStatus.Cancelled, Given([.. UpTo(status), .. decision.Events]).Status);
    }

    [Fact]
    public void another_customer_cannot_cancel_the_order() =>
        Expect.Refused(
            Order.CancelOwnOrder(At(OrderStatus.QuoteIssued), Cancel with { CustomerId = Id(99) }, Now),
            OrderRules.OrderNotOwned);

    [Fact]
    public void another_customer_learns_nothing_about_the_order_state() =>
        Expect.Refused(
            Order.CancelOwnOrder(At(OrderStatus.Installed), Cancel with { CustomerId = Id(99) }, Now),
            OrderRules.OrderNotOwned);

    [Fact]
    public void cancelling_a_cancelled_order_is_refused() =>
        Expect.Refused(Order.CancelOwnOrder(At(OrderStatus.QuoteIssued, Cancelled), Cancel, Now), OrderRules.OrderIsCancelled);

    [Theory]
    [InlineData(OrderStatus.InstallationScheduled)]
    [InlineData(OrderStatus.Installed)]
    [InlineData(OrderStatus.GridConnectionApproved)]
    [InlineData(OrderStatus.Activated)]
    public void once_an_installation_is_scheduled_cancelling_goes_through_support(OrderStatus status) =>
        Expect.Refused(Order.CancelOwnOrder(At(status), Cancel, Now), OrderRules.CancelNeedsSupport);

    [Fact]
    public void once_money_is_paid_cancelling_goes_through_support() =>
        Expect.Refused(
            Order.CancelOwnOrder(At(OrderStatus.QuoteAccepted, Paid(500m)), Cancel, Now),
            OrderRules.CancelAfterPaymentNeedsSupport);

    [Fact]
    public void money_paid_and_refunded_in_full_no_longer_stands_in_the_way()
    {
        var refunded = new PaymentRefunded(OrderId, Eur(500m), "Duplicate", RequestId, Now.AddMinutes(-2));

        Expect.Events(
            Order.CancelOwnOrder(At(OrderStatus.QuoteAccepted, Paid(500m), refunded), Cancel, Now),
            new OrderCancelled(OrderId, "Found a cheaper offer", null, null, Now));
    }

    [Fact]
    public void support_can_still_cancel_what_the_customer_no_longer_can() =>
        Expect.Accepted(Order.CancelOrder(At(OrderStatus.InstallationScheduled), new(OrderId, "Roof unsafe", null, RequestId), Now));
}
