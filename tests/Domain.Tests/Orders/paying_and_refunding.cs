using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class paying_and_refunding
{
    private static readonly DateTimeOffset PaidAt = Now.AddMinutes(-3);

    private static RecordPayment Pay(decimal amount, string currency = Currency, string providerEventId = "PSP-9") =>
        new(OrderId, new(amount, currency), PaymentKind.Deposit, providerEventId, PaidAt);

    private static RefundPayment Refund(decimal amount, string currency = Currency) =>
        new(OrderId, new(amount, currency), "Goodwill", RequestId);

    [Fact]
    public void recording_a_payment_after_acceptance_keeps_kind_provider_event_and_when_it_was_paid()
    {
        var decision = Order.RecordPayment(At(OrderStatus.QuoteAccepted), Pay(2000m), Now);

        Expect.Events(decision, new PaymentRecorded(OrderId, Eur(2000m), PaymentKind.Deposit, "PSP-9", PaidAt, Now));
        var order = Given([.. UpTo(OrderStatus.QuoteAccepted), .. decision.Events]);
        Assert.Equal(2000m, order.Paid);
        Assert.True(order.PaymentProviderEventIds.Contains("PSP-9"));
        Assert.Equal(0m, order.Overpaid);
    }

    [Fact]
    public void a_provider_event_already_recorded_on_the_order_is_refused() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(1000m, "PSP-9")), Pay(1000m), Now),
            OrderRules.PaymentAlreadyRecorded);

    [Fact]
    public void a_provider_event_is_refused_even_when_it_reports_another_amount() =>
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(1000m, "PSP-9")), Pay(5m), Now),
            OrderRules.PaymentAlreadyRecorded);

    [Fact]
    public void another_provider_event_for_the_same_amount_is_another_payment() =>
        Expect.Accepted(Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(1000m, "PSP-9")), Pay(1000m, providerEventId: "PSP-10"), Now));

    [Fact]
    public void a_provider_event_refunded_since_is_still_refused()
    {
        var refunded = new PaymentRefunded(OrderId, Eur(1000m), "Returned", RequestId, Now.AddMinutes(-1));
        Expect.Refused(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(1000m, "PSP-9"), refunded), Pay(1000m), Now),
            OrderRules.PaymentAlreadyRecorded);
    }

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
    public void paying_the_exact_balance_flags_nothing() =>
        Expect.Events(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(3000m)), Pay(Total - 3000m), Now),
            new PaymentRecorded(OrderId, Eur(Total - 3000m), PaymentKind.Deposit, "PSP-9", PaidAt, Now));

    [Fact]
    public void a_payment_beyond_the_balance_is_recorded_and_its_excess_flagged_for_support()
    {
        var decision = Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(3000m)), Pay(Total - 2999m), Now);

        Expect.Events(
            decision,
            new PaymentRecorded(OrderId, Eur(Total - 2999m), PaymentKind.Deposit, "PSP-9", PaidAt, Now),
            new PaymentExceededBalance(OrderId, Eur(1m), "PSP-9", Now));
        var order = Given([.. UpTo(OrderStatus.QuoteAccepted), Paid(3000m), .. decision.Events]);
        Assert.Equal(Total + 1m, order.Paid);
        Assert.Equal(1m, order.Overpaid);
    }

    [Fact]
    public void once_the_order_is_paid_the_whole_of_a_further_payment_is_excess()
    {
        var overpaid = At(OrderStatus.QuoteAccepted, Paid(Total + 500m), new PaymentExceededBalance(OrderId, Eur(500m), "PSP-1", Now.AddMinutes(-5)));

        var decision = Order.RecordPayment(overpaid, Pay(200m), Now);

        Expect.Events(
            decision,
            new PaymentRecorded(OrderId, Eur(200m), PaymentKind.Deposit, "PSP-9", PaidAt, Now),
            new PaymentExceededBalance(OrderId, Eur(200m), "PSP-9", Now));
        Assert.Equal(700m, Given([.. UpTo(OrderStatus.QuoteAccepted), Paid(Total + 500m),
            new PaymentExceededBalance(OrderId, Eur(500m), "PSP-1", Now.AddMinutes(-5)), .. decision.Events]).Overpaid);
    }

    [Fact]
    public void money_refunded_is_owed_again_before_a_payment_counts_as_excess() =>
        Expect.Events(
            Order.RecordPayment(
                At(OrderStatus.QuoteAccepted, Paid(Total), new PaymentRefunded(OrderId, Eur(1000m), "Goodwill", RequestId, Now.AddMinutes(-4))),
                Pay(1000m),
                Now),
            new PaymentRecorded(OrderId, Eur(1000m), PaymentKind.Deposit, "PSP-9", PaidAt, Now));

    [Fact]
    public void a_payment_above_a_total_lowered_since_flags_the_part_above_it()
    {
        var lowered = new PriceAdjusted(OrderId, Eur(-1000m), Eur(Total - 1000m), "Goodwill", RequestId, Now.AddMinutes(-4));

        Expect.Events(
            Order.RecordPayment(At(OrderStatus.QuoteAccepted, Paid(6000m), lowered), Pay(1500m), Now),
            new PaymentRecorded(OrderId, Eur(1500m), PaymentKind.Deposit, "PSP-9", PaidAt, Now),
            new PaymentExceededBalance(OrderId, Eur(500m), "PSP-9", Now));
    }

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
