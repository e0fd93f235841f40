using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Orders.OrderRules;

namespace SolarEvents.Domain.Orders;

// From the customer's request to the accepted quote.
public sealed partial record Order
{
    public static Decision RequestQuote(RequestQuote command, DateTimeOffset now)
    {
        if (!command.System.IsComplete) return Refuse(SystemConfigurationInvalid);
        if (command.EstimatedKwp <= 0) return Refuse(SystemSizeNotPositive);
        return Decision.Accept(new QuoteRequested(
            command.OrderId, command.CustomerId, command.Site, command.Roof, command.EstimatedKwp, command.System, now));
    }

    /// <summary>The same, for a customer whose account must still accept new orders.</summary>
    public static Decision RequestQuote(Account account, RequestQuote command, DateTimeOffset now)
    {
        var accountCheck = Account.AcceptNewOrder(account, command.CustomerId);
        return accountCheck.IsAccepted ? RequestQuote(command, now) : accountCheck;
    }

    public static Decision ScheduleSiteSurvey(Order order, ScheduleSiteSurvey command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status > OrderStatus.SurveyScheduled) return Refuse(SurveyAlreadyCompleted);
        if (command.SurveyAt <= now) return Refuse(DateInPast);
        return Decision.Accept(new SiteSurveyScheduled(order.Id, command.SurveyAt, command.CrewId, now));
    }

    public static Decision CompleteSiteSurvey(Order order, CompleteSiteSurvey command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.SurveyScheduled) return Refuse(SurveyNotScheduled);
        if (order.Status > OrderStatus.SurveyScheduled) return Refuse(SurveyAlreadyCompleted);
        if (command.AdjustedKwp <= 0) return Refuse(SystemSizeNotPositive);
        return Decision.Accept(new SiteSurveyCompleted(order.Id, command.Findings, command.AdjustedKwp, now));
    }

    /// <summary>Issuing again before acceptance replaces the quote (e.g. after it expired).</summary>
    public static Decision IssueQuote(Order order, IssueQuote command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.SurveyCompleted) return Refuse(SurveyNotCompleted);
        if (order.Status > OrderStatus.QuoteIssued) return Refuse(QuoteAlreadyAccepted);
        if (command.Lines.Count == 0) return Refuse(QuoteWithoutLines);
        if (!Money.IsIsoCurrencyCode(command.Currency)) return Refuse(MoneyRules.CurrencyInvalid);
        var total = command.Lines.Sum(line => line.Amount);
        if (total <= 0) return Refuse(QuoteTotalNotPositive);
        if (command.ValidUntil <= now) return Refuse(QuoteValidityInPast);
        return Decision.Accept(new QuoteIssued(
            order.Id, command.QuoteId, [.. command.Lines], command.Currency, total, command.ValidUntil, now));
    }

    public static Decision AcceptQuote(Order order, AcceptQuote command, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled) return Refuse(OrderIsCancelled);
        if (order.Status < OrderStatus.QuoteIssued || order.Quote is null) return Refuse(QuoteNotIssued);
        if (order.Status > OrderStatus.QuoteIssued) return Refuse(QuoteAlreadyAccepted);
        if (order.Quote.QuoteId != command.QuoteId) return Refuse(QuoteSuperseded);
        if (now > order.Quote.ValidUntil) return Refuse(QuoteExpired);
        return Decision.Accept(new QuoteAccepted(order.Id, command.QuoteId, now));
    }
}
