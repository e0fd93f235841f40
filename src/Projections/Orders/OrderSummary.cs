using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.Orders;

/// <summary>One row per order: what a customer's order list, the order page and the sales pipeline show.
/// It holds no personal data: the site is postal code and city only.</summary>
public sealed class OrderSummary
{
    public Guid OrderId { get; init; }

    public Guid CustomerId { get; init; }

    public required string Status { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    public decimal EstimatedKwp { get; set; }

    public int PanelCount { get; set; }

    public required string PanelModel { get; set; }

    public required string InverterModel { get; set; }

    public bool WithBattery { get; set; }

    public string? Currency { get; set; }

    public decimal? QuoteTotal { get; set; }

    public DateTimeOffset? QuoteValidUntil { get; set; }

    public decimal Paid { get; set; }

    public decimal Refunded { get; set; }

    public DateOnly? InstallationFrom { get; set; }

    public DateOnly? InstallationTo { get; set; }

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
        order.Property(o => o.Status).HasMaxLength(40);
        order.Property(o => o.City).HasMaxLength(100);
        order.Property(o => o.CountryCode).HasMaxLength(2);
        order.Property(o => o.PanelModel).HasMaxLength(100);
        order.Property(o => o.InverterModel).HasMaxLength(100);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.EstimatedKwp).HasPrecision(8, 2);
        order.Property(o => o.QuoteTotal).HasPrecision(14, 2);
        order.Property(o => o.Paid).HasPrecision(14, 2);
        order.Property(o => o.Refunded).HasPrecision(14, 2);
    }
}
