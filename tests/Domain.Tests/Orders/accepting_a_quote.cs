using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class accepting_a_quote
{
    private static readonly AcceptQuote Accept = new(OrderId, QuoteId);

    [Fact]
    public void accepting_a_valid_quote_records_which_quote() =>
        Expect.Events(
            Order.AcceptQuote(At(OrderStatus.QuoteIssued), Accept, Now),
            new QuoteAccepted(OrderId, QuoteId, Now));

    [Fact]
    public void accepting_at_the_last_valid_moment_is_allowed() =>
        Expect.Accepted(Order.AcceptQuote(At(OrderStatus.QuoteIssued), Accept, ValidUntil));

    [Fact]
    public void accepting_an_expired_quote_is_refused() =>
        Expect.Refused(
            Order.AcceptQuote(At(OrderStatus.QuoteIssued), Accept, ValidUntil.AddTicks(1)),
            OrderRules.QuoteExpired);

    [Fact]
    public void accepting_a_quote_twice_is_refused() =>
        Expect.Refused(Order.AcceptQuote(At(OrderStatus.QuoteAccepted), Accept, Now), OrderRules.QuoteAlreadyAccepted);

    [Fact]
    public void accepting_before_a_quote_is_issued_is_refused() =>
        Expect.Refused(Order.AcceptQuote(At(OrderStatus.SurveyCompleted), Accept, Now), OrderRules.QuoteNotIssued);

    [Fact]
    public void accepting_a_quote_that_was_since_replaced_is_refused() =>
        Expect.Refused(
            Order.AcceptQuote(At(OrderStatus.QuoteIssued), Accept with { QuoteId = Id(31) }, Now),
            OrderRules.QuoteSuperseded);

    [Fact]
    public void accepting_on_a_cancelled_order_is_refused() =>
        Expect.Refused(
            Order.AcceptQuote(At(OrderStatus.QuoteIssued, Cancelled), Accept, Now),
            OrderRules.OrderIsCancelled);
}
