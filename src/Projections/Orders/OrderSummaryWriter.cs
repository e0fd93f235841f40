using JasperFx.Events;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Orders;

/// <summary>Turns order events into <see cref="OrderSummary"/> rows. Time comes from the event.</summary>
public static class OrderSummaryWriter
{
    public static void Apply(ReadModelDbContext db, IEvent @event)
    {
        switch (@event.Data)
        {
            case QuoteRequested requested:
                db.OrderSummaries.Add(new OrderSummary
                {
                    OrderId = requested.OrderId,
                    CustomerId = requested.CustomerId,
                    Status = nameof(OrderStatus.QuoteRequested),
                    City = requested.Site.City,
                    CountryCode = requested.Site.CountryCode,
                    EstimatedKwp = requested.EstimatedKwp,
                    PanelCount = requested.System.PanelCount,
                    WithBattery = requested.System.WithBattery,
                    RequestedAt = @event.Timestamp,
                    Version = @event.Version,
                    UpdatedAt = @event.Timestamp,
                });
                break;
        }
    }
}
