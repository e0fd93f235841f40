namespace SolarEvents.Domain.Orders;

/// <summary>
/// One solar installation, as far as decisions about it need to know. Marten rebuilds it by its
/// self-aggregation convention: the static <see cref="Create"/> starts the stream, each public
/// <c>Apply(event)</c> returns the next state. Decisions live in the other <c>Order.*.cs</c> files.
/// </summary>
public sealed partial record Order(Guid Id, Guid CustomerId, OrderStatus Status, SystemConfiguration System)
{
    public decimal EstimatedKwp { get; init; }

    public DateTimeOffset? SurveyAt { get; init; }

    /// <summary>The latest quote issued; null until there is one.</summary>
    public OpenQuote? Quote { get; init; }

    /// <summary>The quote total plus every price adjustment since, in the quote's currency.</summary>
    public decimal Total { get; init; }

    public decimal Paid { get; init; }

    public decimal Refunded { get; init; }

    public decimal NetPaid => Paid - Refunded;

    public InstallationWindow? Window { get; init; }

    public static Order Create(QuoteRequested e) =>
        new(e.OrderId, e.CustomerId, OrderStatus.QuoteRequested, e.System) { EstimatedKwp = e.EstimatedKwp };

    public Order Apply(SiteSurveyScheduled e) => this with { Status = OrderStatus.SurveyScheduled, SurveyAt = e.SurveyAt };

    public Order Apply(SiteSurveyCompleted e) =>
        this with { Status = OrderStatus.SurveyCompleted, EstimatedKwp = e.AdjustedKwp };

    public Order Apply(QuoteIssued e) => this with
    {
        Status = OrderStatus.QuoteIssued,
        Quote = new OpenQuote(e.QuoteId, e.Currency, e.ValidUntil),
        Total = e.Total,
    };

    public Order Apply(QuoteAccepted e) => this with { Status = OrderStatus.QuoteAccepted };

    public Order Apply(InstallationScheduled e) => this with { Status = OrderStatus.InstallationScheduled, Window = e.Window };

    public Order Apply(InstallationRescheduled e) => this with { Window = e.To };

    public Order Apply(SystemInstalled e) => this with { Status = OrderStatus.Installed };

    public Order Apply(GridConnectionApproved e) => this with { Status = OrderStatus.GridConnectionApproved };

    public Order Apply(SystemActivated e) => this with { Status = OrderStatus.Activated };

    public Order Apply(PaymentRecorded e) => this with { Paid = Paid + e.Amount.Amount };

    public Order Apply(PaymentRefunded e) => this with { Refunded = Refunded + e.Amount.Amount };

    public Order Apply(SystemConfigurationChanged e) => this with { System = e.To };

    public Order Apply(PriceAdjusted e) => this with { Total = e.NewTotal.Amount };

    public Order Apply(OrderCancelled e) => this with { Status = OrderStatus.Cancelled };
}
