using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class requesting_a_quote
{
    private static Account Customer(AccountStatus status) => new(CustomerId, status, EmailVerified: true);

    [Fact]
    public void requesting_a_quote_records_site_roof_size_and_system() =>
        Expect.Events(
            Order.RequestQuote(Request, Now),
            new QuoteRequested(OrderId, CustomerId, Site, RoofType.PitchedTile, 5.2m, SystemConfig, Now));

    [Fact]
    public void the_new_order_awaits_a_survey()
    {
        var order = Given(Requested);
        Assert.Equal(OrderStatus.QuoteRequested, order.Status);
        Assert.Equal(5.2m, order.EstimatedKwp);
        Assert.Null(order.Quote);
    }

    [Fact]
    public void quote_request_with_an_incomplete_system_is_refused() =>
        Expect.Refused(
            Order.RequestQuote(Request with { System = SystemConfig with { PanelCount = 0 } }, Now),
            OrderRules.SystemConfigurationInvalid);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void quote_request_with_a_non_positive_size_is_refused(decimal kwp) =>
        Expect.Refused(Order.RequestQuote(Request with { EstimatedKwp = kwp }, Now), OrderRules.SystemSizeNotPositive);

    [Fact]
    public void an_active_account_may_request_a_quote() =>
        Expect.Accepted(Order.RequestQuote(Customer(AccountStatus.Active), Request, Now));

    [Theory]
    [InlineData(AccountStatus.Closed, AccountRules.AccountIsClosed)]
    [InlineData(AccountStatus.Erased, AccountRules.AccountIsErased)]
    [InlineData(AccountStatus.Suspended, AccountRules.AccountIsSuspended)]
    public void an_ended_or_suspended_account_accepts_no_new_orders(AccountStatus status, string code) =>
        Expect.Refused(Order.RequestQuote(Customer(status), Request, Now), code);

    [Fact]
    public void an_order_for_another_customer_is_refused() =>
        Expect.Refused(
            Order.RequestQuote(Customer(AccountStatus.Active), Request with { CustomerId = Id(99) }, Now),
            AccountRules.AccountMismatch);
}
