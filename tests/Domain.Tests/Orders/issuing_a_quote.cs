using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

public class issuing_a_quote
{
    private static readonly IssueQuote Issue = new(OrderId, QuoteId, Lines, Currency, ValidUntil);

    [Fact]
    public void issuing_a_quote_after_the_survey_records_lines_currency_total_and_validity() =>
        Expect.Events(
            Order.IssueQuote(At(OrderStatus.SurveyCompleted), Issue, Now),
            new QuoteIssued(OrderId, QuoteId, Lines, Currency, Total, ValidUntil, Now));

    [Theory]
    [InlineData(OrderStatus.QuoteRequested)]
    [InlineData(OrderStatus.SurveyScheduled)]
    public void issuing_a_quote_before_the_survey_is_completed_is_refused(OrderStatus status) =>
        Expect.Refused(Order.IssueQuote(At(status), Issue, Now), OrderRules.SurveyNotCompleted);

    [Fact]
    public void reissuing_an_unaccepted_quote_replaces_it()
    {
        var reissue = Issue with { QuoteId = Id(30), ValidUntil = Now.AddDays(30) };
        var decision = Order.IssueQuote(At(OrderStatus.QuoteIssued), reissue, Now);

        var order = Given([.. UpTo(OrderStatus.QuoteIssued), .. decision.ThrowIfRejected()]);
        Assert.Equal(new OpenQuote(Id(30), Currency, Now.AddDays(30)), order.Quote);
    }

    [Fact]
    public void issuing_a_quote_after_acceptance_is_refused() =>
        Expect.Refused(Order.IssueQuote(At(OrderStatus.QuoteAccepted), Issue, Now), OrderRules.QuoteAlreadyAccepted);

    [Fact]
    public void a_quote_without_lines_is_refused() =>
        Expect.Refused(
            Order.IssueQuote(At(OrderStatus.SurveyCompleted), Issue with { Lines = [] }, Now),
            OrderRules.QuoteWithoutLines);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("E1R")]
    public void a_quote_in_something_that_is_not_an_iso_currency_is_refused(string currency) =>
        Expect.Refused(
            Order.IssueQuote(At(OrderStatus.SurveyCompleted), Issue with { Currency = currency }, Now),
            MoneyRules.CurrencyInvalid);

    [Fact]
    public void a_quote_whose_discounts_swallow_the_total_is_refused() =>
        Expect.Refused(
            Order.IssueQuote(
                At(OrderStatus.SurveyCompleted), Issue with { Lines = [new("Panels", 500m), new("Discount", -500m)] }, Now),
            OrderRules.QuoteTotalNotPositive);

    [Fact]
    public void a_quote_valid_only_until_now_is_refused() =>
        Expect.Refused(
            Order.IssueQuote(At(OrderStatus.SurveyCompleted), Issue with { ValidUntil = Now }, Now),
            OrderRules.QuoteValidityInPast);

    [Fact]
    public void quoting_a_cancelled_order_is_refused() =>
        Expect.Refused(
            Order.IssueQuote(At(OrderStatus.SurveyCompleted, Cancelled), Issue, Now),
            OrderRules.OrderIsCancelled);
}
