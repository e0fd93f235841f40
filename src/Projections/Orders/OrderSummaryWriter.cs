using JasperFx.Events;
using SolarEvents.Domain;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Orders;

/// <summary>Keeps <see cref="OrderSummary"/> rows in step with order events. Time comes from the event.</summary>
public sealed class OrderSummaryWriter : IReadModelWriter
{
    public async Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation)
    {
        if (stored.Data is QuoteRequested requested)
        {
            db.OrderSummaries.Add(NewSummary(requested, stored));
            return;
        }

        if (!IsOrderEvent(stored.Data.GetType())) return;
        var order = await db.OrderSummaries.FindAsync([stored.StreamId], cancellation)
                    ?? throw new InvalidOperationException($"Order {stored.StreamId} has no summary row.");
        Evolve(order, stored.Data);
        order.Version = stored.Version;
        order.UpdatedAt = stored.Timestamp;
    }

    private static OrderSummary NewSummary(QuoteRequested requested, IEvent stored) => new()
    {
        OrderId = requested.OrderId,
        CustomerId = requested.CustomerId,
        Status = nameof(OrderStatus.QuoteRequested),
        City = requested.Site.City,
        CountryCode = requested.Site.CountryCode,
        EstimatedKwp = requested.EstimatedKwp,
        PanelCount = requested.System.PanelCount,
        PanelModel = requested.System.PanelModel,
        InverterModel = requested.System.InverterModel,
        WithBattery = requested.System.WithBattery,
        RequestedAt = stored.Timestamp,
        Position = stored.Sequence,
        Version = stored.Version,
        UpdatedAt = stored.Timestamp,
    };

    /// <summary>Whether events of this type belong to an order stream, by their cataloged name.</summary>
    internal static bool IsOrderEvent(Type eventType) => EventCatalog.StreamKindOf(eventType) == "order";

    private static void Evolve(OrderSummary order, object data)
    {
        switch (data)
        {
            case SiteSurveyScheduled:
                order.Status = nameof(OrderStatus.SurveyScheduled);
                break;
            case SiteSurveyCompleted completed:
                order.Status = nameof(OrderStatus.SurveyCompleted);
                order.EstimatedKwp = completed.AdjustedKwp;
                break;
            case QuoteIssued issued:
                order.Status = nameof(OrderStatus.QuoteIssued);
                order.Currency = issued.Currency;
                order.QuoteTotal = issued.Total;
                order.QuoteValidUntil = issued.ValidUntil;
                break;
            case QuoteAccepted:
                order.Status = nameof(OrderStatus.QuoteAccepted);
                break;
            case InstallationScheduled scheduled:
                order.Status = nameof(OrderStatus.InstallationScheduled);
                (order.InstallationFrom, order.InstallationTo) = (scheduled.Window.From, scheduled.Window.To);
                break;
            case InstallationRescheduled rescheduled:
                (order.InstallationFrom, order.InstallationTo) = (rescheduled.To.From, rescheduled.To.To);
                break;
            case SystemInstalled:
                order.Status = nameof(OrderStatus.Installed);
                break;
            case GridConnectionApproved:
                order.Status = nameof(OrderStatus.GridConnectionApproved);
                break;
            case SystemActivated:
                order.Status = nameof(OrderStatus.Activated);
                break;
            case SystemConfigurationChanged changed:
                (order.PanelCount, order.PanelModel, order.InverterModel, order.WithBattery) =
                    (changed.To.PanelCount, changed.To.PanelModel, changed.To.InverterModel, changed.To.WithBattery);
                break;
            case PriceAdjusted adjusted:
                order.QuoteTotal = adjusted.NewTotal.Amount;
                break;
            case PaymentRecorded payment:
                order.Paid += payment.Amount.Amount;
                break;
            case PaymentRefunded refund:
                order.Refunded += refund.Amount.Amount;
                break;
            case OrderCancelled:
                order.Status = nameof(OrderStatus.Cancelled);
                break;
        }
    }
}
