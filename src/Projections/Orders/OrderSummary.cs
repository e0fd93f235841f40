using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.Orders;

/// <summary>One row per order: what a customer's order list, the order page, the sales pipeline and the field crews'
/// jobs show, every step of the lifecycle included. It holds no personal data: the site is postal code and city only.
/// The current quote's lines and the payments are JSON text (<see cref="OrderJson"/>): they are only ever read with
/// their order, and one row keeps the projector's page one multi-row INSERT and one preload per table.</summary>
public sealed class OrderSummary
{
    public Guid OrderId { get; init; }

    public Guid CustomerId { get; init; }

    public required string Status { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>The size asked for, replaced by the surveyed size once the survey is done.</summary>
    public decimal EstimatedKwp { get; set; }

    public int PanelCount { get; set; }

    public required string PanelModel { get; set; }

    public required string InverterModel { get; set; }

    public bool WithBattery { get; set; }

    public DateTimeOffset? SurveyAt { get; set; }

    public Guid? SurveyCrewId { get; set; }

    public DateTimeOffset? SurveyCompletedAt { get; set; }

    /// <summary>What the crew found on site (their words, not the customer's).</summary>
    public string? SurveyFindings { get; set; }

    public decimal? SurveyedKwp { get; set; }

    /// <summary>The current quote; a quote issued again replaces every quote field.</summary>
    public Guid? QuoteId { get; set; }

    /// <summary>The current quote's price lines as JSON (<see cref="QuoteLineEntry"/>).</summary>
    public string? QuoteLines { get; set; }

    public string? Currency { get; set; }

    /// <summary>The current quote's own total, the sum of its lines.</summary>
    public decimal? QuoteTotal { get; set; }

    public DateTimeOffset? QuoteValidUntil { get; set; }

    public DateTimeOffset? QuoteIssuedAt { get; set; }

    public DateTimeOffset? QuoteAcceptedAt { get; set; }

    /// <summary>What the order costs now: the quote's total with every price adjustment since.</summary>
    public decimal? Total { get; set; }

    public decimal Paid { get; set; }

    public decimal Refunded { get; set; }

    /// <summary><see cref="Total"/> − <see cref="Paid"/> + <see cref="Refunded"/>: what is still owed (negative when
    /// more came in than the order costs).</summary>
    public decimal Balance { get; set; }

    /// <summary>What payments brought in beyond what the order owed at the time, summed: flagged for support.</summary>
    public decimal Overpaid { get; set; }

    /// <summary>Every payment recorded, in the order they were recorded, as JSON (<see cref="PaymentEntry"/>).</summary>
    public string? Payments { get; set; }

    public DateOnly? InstallationFrom { get; set; }

    public DateOnly? InstallationTo { get; set; }

    public Guid? InstallationCrewId { get; set; }

    public DateTimeOffset? InstalledAt { get; set; }

    public string? GridOperatorReference { get; set; }

    public DateTimeOffset? GridConnectionApprovedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The refund decided with the cancellation (null when nothing had been paid).</summary>
    public decimal? CancellationRefundDue { get; set; }

    /// <summary>The field crew's next job on this order, if any (<see cref="FieldJobs"/>): survey, installation or
    /// activation. Kept with the crew and the moment, so a crew's jobs are one index range in appointment order.</summary>
    public string? JobKind { get; set; }

    public Guid? JobCrewId { get; set; }

    public DateTimeOffset? JobAt { get; set; }

    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>The global sequence of the event that created the order: unique and increasing, the keyset
    /// that pages are cut on.</summary>
    public long Position { get; init; }

    /// <summary>The order stream's version this row reflects (read-your-writes).</summary>
    public long Version { get; set; }

    /// <summary>The event time of the last change, never the projector's clock, so rebuilds are identical.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<OrderSummary> order)
    {
        order.ToTable("order_summaries");
        order.HasKey(o => o.OrderId);
        order.HasIndex(o => o.Position).IsUnique();
        order.HasIndex(o => new { o.CustomerId, o.Position });
        order.HasIndex(o => new { o.Status, o.Position });
        order.HasIndex(o => new { o.JobCrewId, o.JobAt, o.Position });
        order.Property(o => o.Status).HasMaxLength(40);
        order.Property(o => o.PostalCode).HasMaxLength(16);
        order.Property(o => o.City).HasMaxLength(100);
        order.Property(o => o.CountryCode).HasMaxLength(2);
        order.Property(o => o.PanelModel).HasMaxLength(100);
        order.Property(o => o.InverterModel).HasMaxLength(100);
        order.Property(o => o.SurveyFindings).HasMaxLength(2000);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.GridOperatorReference).HasMaxLength(100);
        order.Property(o => o.JobKind).HasMaxLength(20);
        order.Property(o => o.EstimatedKwp).HasPrecision(8, 2);
        order.Property(o => o.SurveyedKwp).HasPrecision(8, 2);
        order.Property(o => o.QuoteTotal).HasPrecision(14, 2);
        order.Property(o => o.Total).HasPrecision(14, 2);
        order.Property(o => o.Paid).HasPrecision(14, 2);
        order.Property(o => o.Refunded).HasPrecision(14, 2);
        order.Property(o => o.Balance).HasPrecision(14, 2);
        order.Property(o => o.Overpaid).HasPrecision(14, 2);
        order.Property(o => o.CancellationRefundDue).HasPrecision(14, 2);
    }
}
