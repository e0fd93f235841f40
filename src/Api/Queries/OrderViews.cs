using SolarEvents.Projections.Orders;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Api.Queries;

public sealed record OrderListItem(
    Guid OrderId, string Status, string City, decimal EstimatedKwp, int PanelCount, string? Currency, decimal? QuoteTotal,
    DateTimeOffset RequestedAt, long Version);

public sealed record OrderDetail(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, string PanelModel,
    string InverterModel, bool WithBattery, string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil,
    decimal Paid, decimal Refunded, DateOnly? InstallationFrom, DateOnly? InstallationTo, DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt, long Version, IReadOnlyList<TimelineItem> Timeline);

/// <summary>For staff: the order plus whose it is.</summary>
public sealed record StaffOrderDetail(Guid CustomerId, OrderDetail Order);

/// <summary>A timeline line. <see cref="ActorId"/> is shown to staff only; customers see the role.</summary>
public sealed record TimelineItem(
    long Version, string Event, string Summary, string? ActorRole, string? ActorId, Guid? ChangeRequestId, DateTimeOffset OccurredAt);

public static class OrderViews
{
    public static OrderListItem ToListItem(this OrderSummary o) =>
        new(o.OrderId, o.Status, o.City, o.EstimatedKwp, o.PanelCount, o.Currency, o.QuoteTotal, o.RequestedAt, o.Version);

    public static OrderDetail ToDetail(this OrderSummary o, IEnumerable<TimelineEntry> timeline, bool forStaff) =>
        new(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp, o.PanelCount, o.PanelModel, o.InverterModel,
            o.WithBattery, o.Currency, o.QuoteTotal, o.QuoteValidUntil, o.Paid, o.Refunded, o.InstallationFrom,
            o.InstallationTo, o.RequestedAt, o.UpdatedAt, o.Version,
            timeline.Select(e => e.ToItem(forStaff)).ToList());

    public static TimelineItem ToItem(this TimelineEntry e, bool forStaff) =>
        new(e.Version, e.EventName, e.Summary, e.ActorRole, forStaff ? e.ActorId : null, forStaff ? e.ChangeRequestId : null, e.OccurredAt);
}
