using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

/// <summary>
/// One solar installation, as far as decisions about it need to know. The static <see cref="Start"/> begins
/// the stream, each <c>When(event)</c> returns the next state (<see cref="OrderHistory"/> folds a stream with
/// them, for Marten too). Decisions live in the other <c>Order.*.cs</c> files.
/// </summary>
public sealed partial record Order(Guid Id, Guid CustomerId, OrderStatus Status, SystemConfiguration System)
{
    public decimal EstimatedKwp { get; init; }

    public DateTimeOffset? SurveyAt { get; init; }

    /// <summary>The crew booked for the site survey; null when none was named (and for surveys booked before crews).</summary>
    public Guid? SurveyCrewId { get; init; }

    /// <summary>The latest quote issued; null until there is one.</summary>
    public OpenQuote? Quote { get; init; }

    /// <summary>The quote total plus every price adjustment since, in the quote's currency.</summary>
    public decimal Total { get; init; }

    public decimal Paid { get; init; }

    public decimal Refunded { get; init; }

    public decimal NetPaid => Paid - Refunded;

    /// <summary>What payments brought in beyond what the order owed at the time, summed: for support to resolve.</summary>
    public decimal Overpaid { get; init; }

    /// <summary>The payment provider's ids of every payment recorded, so a report delivered twice counts once.</summary>
    public ValueSet<string> PaymentProviderEventIds { get; init; } = ValueSet.Empty<string>();

    public InstallationWindow? Window { get; init; }

    /// <summary>The crew booked for the installation; a reschedule keeps it.</summary>
    public Guid? InstallationCrewId { get; init; }

    public static Order Start(QuoteRequested e) =>
        new(e.OrderId, e.CustomerId, OrderStatus.QuoteRequested, e.System) { EstimatedKwp = e.EstimatedKwp };

    public Order When(SiteSurveyScheduled e) =>
        this with { Status = OrderStatus.SurveyScheduled, SurveyAt = e.SurveyAt, SurveyCrewId = e.CrewId };

    public Order When(SiteSurveyCompleted e) =>
        this with { Status = OrderStatus.SurveyCompleted, EstimatedKwp = e.AdjustedKwp };

    public Order When(QuoteIssued e) => this with
    {
        Status = OrderStatus.QuoteIssued,
        Quote = new OpenQuote(e.QuoteId, e.Currency, e.ValidUntil),
        Total = e.Total,
    };

    public Order When(QuoteAccepted e) => this with { Status = OrderStatus.QuoteAccepted };

    public Order When(InstallationScheduled e) =>
        this with { Status = OrderStatus.InstallationScheduled, Window = e.Window, InstallationCrewId = e.CrewId };

    public Order When(InstallationRescheduled e) => this with { Window = e.To };

    public Order When(SystemInstalled e) => this with { Status = OrderStatus.Installed };

    public Order When(GridConnectionApproved e) => this with { Status = OrderStatus.GridConnectionApproved };

    public Order When(SystemActivated e) => this with { Status = OrderStatus.Activated };

    public Order When(PaymentRecorded e) =>
        this with { Paid = Paid + e.Amount.Amount, PaymentProviderEventIds = PaymentProviderEventIds.With(e.ProviderEventId) };

    public Order When(PaymentExceededBalance e) => this with { Overpaid = Overpaid + e.Excess.Amount };

    public Order When(PaymentRefunded e) => this with { Refunded = Refunded + e.Amount.Amount };

    public Order When(SystemConfigurationChanged e) => this with { System = e.To };

    public Order When(PriceAdjusted e) => this with { Total = e.NewTotal.Amount };

    public Order When(OrderCancelled e) => this with { Status = OrderStatus.Cancelled };
}
