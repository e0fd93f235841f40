using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using JasperFx.Events;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Timeline;

/// <summary>Appends a <see cref="TimelineEntry"/> for every event. The entries are insert-only, so a page's
/// entries go in as multi-row INSERTs rather than through the change tracker.</summary>
public static class TimelineWriter
{
    public static Task WriteAsync(ReadModelDbContext db, IReadOnlyList<IEvent> page, CancellationToken cancellation) =>
        MultiRowInsert.InsertAsync(db, page.Select(EntryFor).ToList(), cancellation);

    public static TimelineEntry EntryFor(IEvent stored) =>
        new()
        {
            Sequence = stored.Sequence,
            StreamId = stored.StreamId,
            Version = stored.Version,
            EventName = stored.EventTypeName,
            Summary = Describe(stored.Data),
            ChangeRequestId = ChangeRequestOf(stored),
            ActorId = stored.UserName,
            ActorRole = stored.GetHeader(ActorMetadataMiddleware.ActorRoleHeader)?.ToString(),
            OccurredAt = stored.Timestamp,
        };

    /// <summary>The request named in the event itself, else in its metadata (set for every event of an amendment).</summary>
    private static Guid? ChangeRequestOf(IEvent stored) =>
        ChangeRequestReaders.GetOrAdd(stored.Data.GetType(), ReaderOf)?.Invoke(stored.Data) as Guid?
        ?? (Guid.TryParse(stored.GetHeader(ActorMetadataMiddleware.ChangeRequestHeader)?.ToString(), out var id) ? id : null);

    // Events that carry a ChangeRequestId are many and grow with the domain, so it is found by name; once per
    // event type, compiled to a delegate, instead of reflection on every event.
    private static readonly ConcurrentDictionary<Type, Func<object, object?>?> ChangeRequestReaders = new();

    private static Func<object, object?>? ReaderOf(Type eventType)
    {
        if (eventType.GetProperty("ChangeRequestId") is not { CanRead: true } property) return null;
        var data = Expression.Parameter(typeof(object));
        var value = Expression.Convert(Expression.Property(Expression.Convert(data, eventType), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(value, data).Compile();
    }

    /// <summary>Only fields that are safe to show any reader of the timeline: no contact details, no free text
    /// that a customer typed.</summary>
    private static string Describe(object data) => data switch
    {
        QuoteRequested e => Format($"Quote requested: {e.System.PanelCount} panels, {e.EstimatedKwp} kWp"),
        SiteSurveyScheduled e => Format($"Site survey scheduled for {e.SurveyAt:yyyy-MM-dd}"),
        SiteSurveyCompleted e => Format($"Site survey completed: {e.AdjustedKwp} kWp"),
        QuoteIssued e => Format($"Quote issued: {e.Total:0.00} {e.Currency}, valid until {e.ValidUntil:yyyy-MM-dd}"),
        QuoteAccepted => "Quote accepted",
        InstallationScheduled e => Format($"Installation scheduled {e.Window.From:yyyy-MM-dd} to {e.Window.To:yyyy-MM-dd}"),
        InstallationRescheduled e => Format($"Installation rescheduled to {e.To.From:yyyy-MM-dd} – {e.To.To:yyyy-MM-dd}"),
        SystemInstalled => "System installed",
        GridConnectionApproved => "Grid connection approved",
        SystemActivated => "System activated",
        SystemConfigurationChanged e => Format($"System changed to {e.To.PanelCount} panels"),
        PriceAdjusted e => Format($"Price adjusted by {e.Adjustment}, new total {e.NewTotal}"),
        PaymentRecorded e => Format($"Payment recorded: {e.Amount}"),
        PaymentRefunded e => Format($"Refund: {e.Amount}"),
        OrderCancelled => "Order cancelled",
        AccountRegistered => "Account registered",
        AccountContactDetailsChanged => "Contact details changed",
        AccountEmailVerified => "Email verified",
        AccountSuspended => "Account suspended",
        AccountReactivated => "Account reactivated",
        AccountClosed => "Account closed",
        AccountPersonalDataErased => "Personal data erased",
        ChangeRequestOpened e => Format($"Change request opened for {string.Join(", ", e.Categories)}"),
        ChangeRequestApproved => "Change request approved",
        ChangeRequestRejected => "Change request rejected",
        ChangeRequestChangesApplied e => Format($"Changes applied: {string.Join(", ", e.EventTypes)}"),
        ChangeRequestClosed => "Change request closed",
        ChangeRequestExpired => "Change request expired",
        _ => data.GetType().Name,
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
