using System.Globalization;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Mail;

/// <summary>A notice to the customer about their order: a fixed subject (stored in the clear) and a plain-text body
/// (sealed like any personal value). It says what the step needs and no more: no address, no name.</summary>
public sealed record OrderMail(string Subject, string Body);

/// <summary>
/// Every notice the order lifecycle sends, in one place, and the one way to queue one: in the command's session,
/// through the outbox, so the mail goes if and only if the step commits. An erased customer gets nothing.
/// </summary>
public static class OrderMails
{
    public static OrderMail QuoteIssued(QuoteIssued e) => new("Your SolarEvents quote is ready",
        $"""
        Your quote is ready: {Money(e.Total, e.Currency)} in total, valid until {Day(e.ValidUntil)}.
        Open the SolarEvents app to read it and accept it.
        """);

    public static OrderMail SurveyScheduled(SiteSurveyScheduled e, bool moved) => new(
        moved ? "Your site survey has moved" : "Your site survey is booked",
        $"""
        Our surveyor will visit on {Day(e.SurveyAt)} at {e.SurveyAt.UtcDateTime:HH:mm} UTC.
        The details are in the SolarEvents app.
        """);

    public static OrderMail InstallationScheduled(InstallationWindow window, bool moved) => new(
        moved ? "Your installation has moved" : "Your installation is booked",
        $"""
        Our crew will install your system between {window.From:yyyy-MM-dd} and {window.To:yyyy-MM-dd}.
        The details are in the SolarEvents app.
        """);

    public static readonly OrderMail Installed = new("Your solar system is installed",
        "Your system is installed. Next, the grid operator approves the connection; we will tell you when it is active.");

    public static readonly OrderMail Activated = new("Your solar system is active",
        "Your system is connected and producing power. Welcome to solar.");

    public static OrderMail PaymentReceived(PaymentRecorded e) => new("We received your payment",
        $"We received {Money(e.Amount.Amount, e.Amount.Currency)} on {Day(e.PaidAt)}. Your balance is in the SolarEvents app.");

    public static readonly OrderMail Cancelled = new("Your SolarEvents order is cancelled",
        "Your order is cancelled. If money is due back to you, the refund follows separately.");

    /// <summary>The notice an order event gives the customer, if any; <paramref name="before"/> is the order as it
    /// was before the step (a survey booked again has moved).</summary>
    public static OrderMail? For(Order before, object @event) => @event switch
    {
        QuoteIssued e => QuoteIssued(e),
        SiteSurveyScheduled e => SurveyScheduled(e, moved: before.Status == OrderStatus.SurveyScheduled),
        InstallationScheduled e => InstallationScheduled(e.Window, moved: false),
        InstallationRescheduled e => InstallationScheduled(e.To, moved: true),
        SystemInstalled => Installed,
        SystemActivated => Activated,
        PaymentRecorded e => PaymentReceived(e),
        OrderCancelled => Cancelled,
        _ => null,
    };

    /// <summary>Queues the notices of a step's events for the order's customer, in the step's session, unless the
    /// customer's personal data was erased (there is no address left to write to).</summary>
    public static async Task QueueAsync(
        IDocumentSession session, PersonalDataKeys keys, Order before, IEnumerable<object> events, DateTimeOffset now, CancellationToken cancellation)
    {
        var mails = events.Select(e => For(before, e)).OfType<OrderMail>().ToList();
        if (mails.Count == 0) return;
        var customer = await session.Events.FetchStreamAsync(before.CustomerId, token: cancellation);
        if (customer is not [{ Data: AccountRegistered registered }, ..] || customer.Any(e => e.Data is AccountPersonalDataErased)) return;
        var key = await keys.GetAsync(before.CustomerId, cancellation);
        foreach (var mail in mails) OutboundMail.Queue(session, key, registered.Email, mail.Subject, mail.Body, now);
    }

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
