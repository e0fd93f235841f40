using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class paying_and_refunding
{
    private static RecordPayment Pay(decimal amount, string currency = Currency) => new(OrderId, new(amount, currency), "PSP-9");

    private static RefundPayment Refund(decimal amount, string currency = Currency) =>
        new(OrderId, new(amount, currency), "Goodwill", RequestId);

    [Fact]
    public void recording_a_payment_after_acceptance() =>
        Expect.Events(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted), Pay(2000m), Now),
            new PaymentRecorded(OrderId, Eur(2000m), "PSP-9", Now));

    [Fact]
    public void a_payment_before_the_quote_is_accepted_is_refused() =>
        Expect.Refused(Order.RecordPayment(At(OrderStatus.QuoteIssued), Pay(100m), Now), OrderRules.QuoteNotAccepted);

    [Fact]
    public void a_payment_on_a_cancelled_order_is_refused() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Cancelled), Pay(100m), Now),
            OrderRules.OrderIsCancelled);

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public void a_payment_that_is_not_positive_is_refused(decimal amount) =>
        Expect.Refused(Order.RecordPayment(At(OrderStatus.QuoteAccepted), Pay(amount), Now), MoneyRules.AmountNotPositive);

    [Fact]
    public void a_payment_in_another_currency_is_refused() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted), Pay(100m, "USD"), Now),
            MoneyRules.CurrencyMismatch);

    [Fact]
    public void a_payment_in_no_real_currency_is_refused() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted), Pay(100m, "euro"), Now),
            MoneyRules.CurrencyInvalid);

    [Fact]
    public void paying_the_exact_balance_is_allowed() =>
        Expect.Accepted(Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(3000m)), Pay(Total - 3000m), Now));

    [Fact]
    public void a_payment_beyond_the_balance_is_refused() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(3000m)), Pay(Total - 2999m), Now),
            OrderRules.PaymentExceedsBalance);

    [Fact]
    public void refunding_part_of_a_payment_names_the_change_request() =>
        Expect.Events(
            Order.RefundPayment(At(OrderStatus.Activated, Paid(Total)), Refund(250m), Now),
            new PaymentRefunded(OrderId, Eur(250m), "Goodwill", RequestId, Now));

    [Fact]
    public void a_refund_beyond_what_was_paid_is_refused() =>
        Expect.Refused(
            Order.RefundPayment(At(OrderStatus.QuoteAccepted, Paid(1000m)), Refund(1000.01m), Now),
            OrderRules.RefundExceedsPaid);

    [Fact]
    public void refunds_together_never_exceed_what_was_paid()
    {
        var order = At(OrderStatus.QuoteAccepted, Paid(1000m));
        order = Given([.. UpTo(OrderStatus.QuoteAccepted), Paid(1000m), .. Order.RefundPayment(order, Refund(600m), Now).Events]);

        Assert.Equal(400m, order.NetPaid);
        Expect.Refused(Order.RefundPayment(order, Refund(600m), Now), OrderRules.RefundExceedsPaid);
        Expect.Accepted(Order.RefundPayment(order, Refund(400m), Now));
    }

    [Theory]
    [InlineData(OrderStatus.QuoteRequested)]
    [InlineData(OrderStatus.QuoteAccepted)]
    public void a_refund_when_nothing_was_paid_is_refused(OrderStatus status) =>
        Expect.Refused(Order.RefundPayment(At(status), Refund(1m), Now), OrderRules.RefundExceedsPaid);

    [Fact]
    public void a_refund_that_is_not_positive_is_refused() =>
        Expect.Refused(
            Order.RefundPayment(At(OrderStatus.QuoteAccepted, Paid(1000m)), Refund(0m), Now),
            MoneyRules.AmountNotPositive);

    [Fact]
    public void a_refund_in_another_currency_is_refused() =>
        Expect.Refused(
            Order.RefundPayment(At(OrderStatus.QuoteAccepted, Paid(1000m)), Refund(10m, "GBP"), Now),
            MoneyRules.CurrencyMismatch);

    [Fact]
    public void refunding_after_cancellation_is_allowed()
    {
        var cancelled = new OrderCancelled(OrderId, "Moved house", Eur(1000m), RequestId, Now.AddMinutes(-1));
        Expect.Accepted(Order.RefundPayment(At(OrderStatus.QuoteAccepted, Paid(1000m), cancelled), Refund(1000m), Now));
    }
}
