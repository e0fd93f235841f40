using SolarEvents.Projections.Orders;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Api.Queries;

public sealed record OrderListItem(
    Guid OrderId, string Status, string City, decimal EstimatedKwp, int PanelCount, string? Currency, decimal? QuoteTotal,
    DateTimeOffset RequestedAt, long Version, decimal? Total, decimal Balance);

/// <summary>
/// An order with every step of its lifecycle. The flat fields are those the order page always had (<see cref="QuoteTotal"/>
/// is the current quote's own total, <see cref="OrderDetail.Billing"/> holds what the order costs now); the groups
/// after them are the lifecycle. What only staff see (crews, the survey's findings, the overpaid sum and which
/// payment went over) is null for the customer.
/// </summary>
public sealed record OrderDetail(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, string PanelModel,
    string InverterModel, bool WithBattery, string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil,
    decimal Paid, decimal Refunded, DateOnly? InstallationFrom, DateOnly? InstallationTo, DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt, long Version, IReadOnlyList<TimelineItem> Timeline,
    string PostalCode, QuoteView? Quote, AppointmentsView Appointments, SurveyView? Survey, BillingView Billing,
    MilestonesView Milestones, string? GridOperatorReference, CrewsView? Crews);

/// <summary>For staff: the order plus whose it is.</summary>
public sealed record StaffOrderDetail(Guid CustomerId, OrderDetail Order);

/// <summary>A timeline line. <see cref="ActorId"/> is shown to staff only; customers see the role.</summary>
public sealed record TimelineItem(
    long Version, string Event, string Summary, string? ActorRole, string? ActorId, Guid? ChangeRequestId, DateTimeOffset OccurredAt);

/// <summary>The quote on the table; a quote issued again replaces it. <see cref="Total"/> is the sum of its lines.</summary>
public sealed record QuoteView(
    Guid QuoteId, IReadOnlyList<QuoteLineView> Lines, decimal Total, string Currency, DateTimeOffset ValidUntil,
    DateTimeOffset? IssuedAt, DateTimeOffset? AcceptedAt);

/// <summary><see cref="Amount"/> is what the line adds to the total (negative for a discount).</summary>
public sealed record QuoteLineView(string Description, decimal Quantity, decimal? UnitPrice, decimal Amount);

/// <summary>When someone comes: the survey (a moment) and the installation (days, both inclusive).</summary>
public sealed record AppointmentsView(DateTimeOffset? SurveyAt, DateOnly? InstallationFrom, DateOnly? InstallationTo);

/// <summary>The site survey once done. Findings are the crew's notes, for staff.</summary>
public sealed record SurveyView(DateTimeOffset CompletedAt, decimal AdjustedKwp, string? Findings);

/// <summary><see cref="Total"/> is what the order costs now (the quote with every price adjustment);
/// <see cref="Balance"/> = total − paid + refunded. <see cref="Overpaid"/> (money beyond what was owed, for support
/// to resolve) is for staff.</summary>
public sealed record BillingView(
    string? Currency, decimal? Total, decimal Paid, decimal Refunded, decimal Balance, decimal? Overpaid, decimal? CancellationRefundDue,
    IReadOnlyList<PaymentView> Payments);

/// <summary>A payment as the provider reported it. <see cref="Excess"/>, the part beyond what was owed, is for staff.</summary>
public sealed record PaymentView(string ProviderEventId, string Kind, decimal Amount, string Currency, DateTimeOffset PaidAt, decimal? Excess);

public sealed record MilestonesView(
    DateTimeOffset RequestedAt, DateTimeOffset? SurveyCompletedAt, DateTimeOffset? QuoteIssuedAt, DateTimeOffset? QuoteAcceptedAt,
    DateTimeOffset? InstalledAt, DateTimeOffset? GridConnectionApprovedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? CancelledAt);

/// <summary>The field crews booked, for staff.</summary>
public sealed record CrewsView(Guid? SurveyCrewId, Guid? InstallationCrewId);

public sealed record SiteView(string PostalCode, string City, string CountryCode);

public sealed record SystemView(int PanelCount, string PanelModel, string InverterModel, bool WithBattery, decimal Kwp);

public static class OrderViews
{
    public static OrderListItem ToListItem(this OrderSummary o) =>
        new(o.OrderId, o.Status, o.City, o.EstimatedKwp, o.PanelCount, o.Currency, o.QuoteTotal, o.RequestedAt, o.Version, o.Total, o.Balance);

    /// <summary>Steps that are support's business, like the fields the customer's view leaves out.</summary>
    private static readonly HashSet<string> StaffOnlyEvents = ["order.payment_exceeded_balance.v1"];

    public static OrderDetail ToDetail(this OrderSummary o, IEnumerable<TimelineEntry> timeline, bool forStaff) =>
        new(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp, o.PanelCount, o.PanelModel, o.InverterModel,
            o.WithBattery, o.Currency, o.QuoteTotal, o.QuoteValidUntil, o.Paid, o.Refunded, o.InstallationFrom,
            o.InstallationTo, o.RequestedAt, o.UpdatedAt, o.Version,
            timeline.Where(e => forStaff || !StaffOnlyEvents.Contains(e.EventName)).Select(e => e.ToItem(forStaff)).ToList(),
            o.PostalCode, o.ToQuote(), o.ToAppointments(), o.ToSurvey(forStaff), o.ToBilling(forStaff), o.ToMilestones(),
            o.GridOperatorReference, forStaff ? o.ToCrews() : null);

    public static TimelineItem ToItem(this TimelineEntry e, bool forStaff) =>
        new(e.Version, e.EventName, e.Summary, e.ActorRole, forStaff ? e.ActorId : null, forStaff ? e.ChangeRequestId : null, e.OccurredAt);

    public static QuoteView? ToQuote(this OrderSummary o) =>
        o is { QuoteId: { } id, QuoteTotal: { } total, Currency: { } currency, QuoteValidUntil: { } validUntil }
            ? new QuoteView(id, [.. OrderJson.Lines(o.QuoteLines).Select(l => new QuoteLineView(l.Description, l.Quantity, l.UnitPrice, l.Amount))],
                total, currency, validUntil, o.QuoteIssuedAt, o.QuoteAcceptedAt)
            : null;

    public static AppointmentsView ToAppointments(this OrderSummary o) => new(o.SurveyAt, o.InstallationFrom, o.InstallationTo);

    public static SurveyView? ToSurvey(this OrderSummary o, bool forStaff) =>
        o is { SurveyCompletedAt: { } at, SurveyedKwp: { } kwp } ? new SurveyView(at, kwp, forStaff ? o.SurveyFindings : null) : null;

    public static BillingView ToBilling(this OrderSummary o, bool forStaff) =>
        new(o.Currency, o.Total, o.Paid, o.Refunded, o.Balance, forStaff ? o.Overpaid : null, o.CancellationRefundDue,
            [.. OrderJson.Payments(o.Payments).Select(p => new PaymentView(p.ProviderEventId, p.Kind, p.Amount, p.Currency, p.PaidAt,
                forStaff ? p.Excess : null))]);

    public static MilestonesView ToMilestones(this OrderSummary o) =>
        new(o.RequestedAt, o.SurveyCompletedAt, o.QuoteIssuedAt, o.QuoteAcceptedAt, o.InstalledAt, o.GridConnectionApprovedAt,
            o.ActivatedAt, o.CancelledAt);

    public static CrewsView ToCrews(this OrderSummary o) => new(o.SurveyCrewId, o.InstallationCrewId);

    public static SiteView ToSite(this OrderSummary o) => new(o.PostalCode, o.City, o.CountryCode);

    public static SystemView ToSystem(this OrderSummary o) => new(o.PanelCount, o.PanelModel, o.InverterModel, o.WithBattery, o.EstimatedKwp);
}
