using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class amending_an_order
{
    private static readonly SystemConfiguration WithBattery = SystemConfig with { WithBattery = true, PanelCount = 14 };
    private static readonly ChangeSystemConfiguration Change = new(OrderId, WithBattery, "Customer wants storage", RequestId);

    private static AdjustPrice Adjust(decimal amount, string currency = Currency) =>
        new(OrderId, new(amount, currency), "Scaffolding", RequestId);

    [Fact]
    public void changing_the_system_before_installation_records_old_and_new() =>
        Expect.Events(
            Order.ChangeSystemConfiguration(At(OrderStatus.InstallationScheduled), Change, Now),
            new SystemConfigurationChanged(OrderId, SystemConfig, WithBattery, "Customer wants storage", RequestId, Now));

    [Fact]
    public void changing_the_system_after_installation_is_refused() =>
        Expect.Refused(
            Order.ChangeSystemConfiguration(At(OrderStatus.Installed), Change, Now),
            OrderRules.AlreadyInstalled);

    [Fact]
    public void changing_to_an_incomplete_system_is_refused() =>
        Expect.Refused(
            Order.ChangeSystemConfiguration(
                At(OrderStatus.QuoteAccepted), Change with { NewSystem = WithBattery with { InverterModel = " " } }, Now),
            OrderRules.SystemConfigurationInvalid);

    [Fact]
    public void changing_to_the_same_system_is_refused() =>
        Expect.Refused(
            Order.ChangeSystemConfiguration(At(OrderStatus.QuoteAccepted), Change with { NewSystem = SystemConfig }, Now),
            OrderRules.SystemConfigurationUnchanged);

    [Fact]
    public void changing_the_system_of_a_cancelled_order_is_refused() =>
        Expect.Refused(
            Order.ChangeSystemConfiguration(At(OrderStatus.QuoteAccepted, Cancelled), Change, Now),
            OrderRules.OrderIsCancelled);

    [Theory]
    [InlineData(400, 8400)]
    [InlineData(-1000, 7000)]
    [InlineData(-8000, 0)]
    public void adjusting_the_price_records_the_new_total(decimal adjustment, decimal newTotal)
    {
        var decision = Order.AdjustPrice(At(OrderStatus.QuoteAccepted), Adjust(adjustment), Now);

        Expect.Events(decision, new PriceAdjusted(OrderId, Eur(adjustment), Eur(newTotal), "Scaffolding", RequestId, Now));
        Assert.Equal(newTotal, Given([.. UpTo(OrderStatus.QuoteAccepted), .. decision.Events]).Total);
    }

    [Fact]
    public void a_price_adjustment_that_makes_the_total_negative_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.QuoteAccepted), Adjust(-8000.01m), Now), OrderRules.PriceTotalNegative);

    [Fact]
    public void a_price_adjustment_of_nothing_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.QuoteAccepted), Adjust(0m), Now), OrderRules.PriceAdjustmentZero);

    [Fact]
    public void a_price_adjustment_in_another_currency_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.QuoteAccepted), Adjust(10m, "USD"), Now), MoneyRules.CurrencyMismatch);

    [Fact]
    public void a_price_adjustment_in_no_real_currency_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.QuoteAccepted), Adjust(10m, "us$"), Now), MoneyRules.CurrencyInvalid);

    [Fact]
    public void a_price_adjustment_before_any_quote_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.SurveyCompleted), Adjust(10m), Now), OrderRules.QuoteNotIssued);

    [Fact]
    public void a_price_adjustment_on_a_cancelled_order_is_refused() =>
        Expect.Refused(Order.AdjustPrice(At(OrderStatus.QuoteAccepted, Cancelled), Adjust(10m), Now), OrderRules.OrderIsCancelled);

    [Fact]
    public void each_amendment_falls_under_its_change_category()
    {
        Assert.Equal(ChangeCategory.Reschedule, OrderAmendments.CategoryOf(new RescheduleInstallation(OrderId, Window, "x", null)));
        Assert.Equal(ChangeCategory.ChangeSystemConfiguration, OrderAmendments.CategoryOf(Change));
        Assert.Equal(ChangeCategory.PriceIncrease, OrderAmendments.CategoryOf(Adjust(1m)));
        Assert.Equal(ChangeCategory.PriceReduction, OrderAmendments.CategoryOf(Adjust(-1m)));
        Assert.Equal(ChangeCategory.CancelOrder, OrderAmendments.CategoryOf(new CancelOrder(OrderId, "x", null, null)));
        Assert.Equal(ChangeCategory.Refund, OrderAmendments.CategoryOf(new RefundPayment(OrderId, Eur(1m), "x", null)));
    }
}
