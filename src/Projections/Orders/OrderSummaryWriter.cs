using JasperFx.Events;
using SolarEvents.Domain;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Orders;

/// <summary>Keeps <see cref="OrderSummary"/> rows in step with order events. Times come from the events.</summary>
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
        order.Balance = (order.Total ?? 0) - order.Paid + order.Refunded;
        FieldJobs.Assign(order);
        order.Version = stored.Version;
        order.UpdatedAt = stored.Timestamp;
    }

    private static OrderSummary NewSummary(QuoteRequested requested, IEvent stored) => new()
    {
        OrderId = requested.OrderId,
        CustomerId = requested.CustomerId,
        Status = nameof(OrderStatus.QuoteRequested),
        PostalCode = requested.Site.PostalCode,
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
            case SiteSurveyScheduled scheduled:
                order.Status = nameof(OrderStatus.SurveyScheduled);
                (order.SurveyAt, order.SurveyCrewId) = (scheduled.SurveyAt, scheduled.CrewId);
                break;
            case SiteSurveyCompleted completed:
                order.Status = nameof(OrderStatus.SurveyCompleted);
                order.EstimatedKwp = completed.AdjustedKwp;
                (order.SurveyedKwp, order.SurveyFindings, order.SurveyCompletedAt) = (completed.AdjustedKwp, completed.Findings, completed.CompletedAt);
                break;
            case QuoteIssued issued:
                // A quote issued again replaces the one before it, lines and all; price adjustments only follow a quote.
                order.Status = nameof(OrderStatus.QuoteIssued);
                (order.QuoteId, order.QuoteLines, order.QuoteIssuedAt) = (issued.QuoteId, OrderJson.Lines(issued.Lines), issued.IssuedAt);
                (order.Currency, order.QuoteTotal, order.Total, order.QuoteValidUntil) = (issued.Currency, issued.Total, issued.Total, issued.ValidUntil);
                break;
            case QuoteAccepted accepted:
                order.Status = nameof(OrderStatus.QuoteAccepted);
                order.QuoteAcceptedAt = accepted.AcceptedAt;
                break;
            case InstallationScheduled scheduled:
                order.Status = nameof(OrderStatus.InstallationScheduled);
                (order.InstallationFrom, order.InstallationTo) = (scheduled.Window.From, scheduled.Window.To);
                order.InstallationCrewId = scheduled.CrewId;
                break;
            case InstallationRescheduled rescheduled:
                (order.InstallationFrom, order.InstallationTo) = (rescheduled.To.From, rescheduled.To.To);
                break;
            case SystemInstalled installed:
                order.Status = nameof(OrderStatus.Installed);
                order.InstalledAt = installed.InstalledAt;
                break;
            case GridConnectionApproved approved:
                order.Status = nameof(OrderStatus.GridConnectionApproved);
                (order.GridOperatorReference, order.GridConnectionApprovedAt) = (approved.GridOperatorReference, approved.ApprovedAt);
                break;
            case SystemActivated activated:
                order.Status = nameof(OrderStatus.Activated);
                order.ActivatedAt = activated.ActivatedAt;
                break;
            case SystemConfigurationChanged changed:
                (order.PanelCount, order.PanelModel, order.InverterModel, order.WithBattery) =
                    (changed.To.PanelCount, changed.To.PanelModel, changed.To.InverterModel, changed.To.WithBattery);
                break;
            case PriceAdjusted adjusted:
                order.Total = adjusted.NewTotal.Amount;
                break;
            case PaymentRecorded payment:
                order.Paid += payment.Amount.Amount;
                order.Payments = OrderJson.Payments([.. OrderJson.Payments(order.Payments), new PaymentEntry(payment.ProviderEventId,
                    payment.Kind.ToString(), payment.Amount.Amount, payment.Amount.Currency, payment.PaidAt, payment.RecordedAt)]);
                break;
            case PaymentExceededBalance exceeded:
                order.Overpaid += exceeded.Excess.Amount;
                order.Payments = OrderJson.Payments([.. OrderJson.Payments(order.Payments).Select(p =>
                    p.ProviderEventId == exceeded.ProviderEventId ? p with { Excess = (p.Excess ?? 0) + exceeded.Excess.Amount } : p)]);
                break;
            case PaymentRefunded refund:
                order.Refunded += refund.Amount.Amount;
                break;
            case OrderCancelled cancelled:
                order.Status = nameof(OrderStatus.Cancelled);
                (order.CancelledAt, order.CancellationRefundDue) = (cancelled.CancelledAt, cancelled.RefundDue?.Amount);
                break;
        }
    }
}
