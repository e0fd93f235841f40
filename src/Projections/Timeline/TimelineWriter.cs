using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using JasperFx.Events;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Timeline;

/// <summary>Appends a <see cref="TimelineEntry"/> for every event. The entries are insert-only, so a page's
/// entries go in as multi-row INSERTs rather than through the change tracker.</summary>
public static class TimelineWriter
{
    public const int MaxSummaryLength = 300;

    public static Task WriteAsync(ReadModelDbContext db, IReadOnlyList<IEvent> page, CancellationToken cancellation) =>
        MultiRowInsert.InsertAsync(db, page.Select(EntryFor).ToList(), cancellation);

    public static TimelineEntry EntryFor(IEvent stored) =>
        new()
        {
            Sequence = stored.Sequence,
            StreamId = stored.StreamId,
            Version = stored.Version,
            EventName = stored.EventTypeName,
            Summary = Fit(Describe(stored.Data)),
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
    /// that a customer typed or a crew wrote (reasons, findings), no employee's name. Crews are named by their ids.</summary>
    private static string Describe(object data) => data switch
    {
        QuoteRequested e => Format($"Quote requested: {e.System.PanelCount} panels, {e.EstimatedKwp} kWp"),
        SiteSurveyScheduled e => Format($"Site survey scheduled for {e.SurveyAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{Crew(e.CrewId)}"),
        SiteSurveyCompleted e => Format($"Site survey completed: {e.AdjustedKwp} kWp"),
        QuoteIssued e => Format($"Quote issued: {e.Lines.Count} {Plural(e.Lines.Count, "line")}, {e.Total:0.00} {e.Currency}, valid until {e.ValidUntil:yyyy-MM-dd}"),
        QuoteAccepted => "Quote accepted",
        InstallationScheduled e => Format($"Installation scheduled {e.Window.From:yyyy-MM-dd} to {e.Window.To:yyyy-MM-dd}{Crew(e.CrewId)}"),
        InstallationRescheduled e => Format($"Installation rescheduled to {e.To.From:yyyy-MM-dd} – {e.To.To:yyyy-MM-dd}"),
        SystemInstalled => "System installed",
        GridConnectionApproved e => Format($"Grid connection approved (operator reference {e.GridOperatorReference})"),
        SystemActivated => "System activated",
        SystemConfigurationChanged e => Format($"System changed to {e.To.PanelCount} panels"),
        PriceAdjusted e => Format($"Price adjusted by {e.Adjustment}, new total {e.NewTotal}"),
        PaymentRecorded e => Format($"Payment recorded: {e.Amount} ({e.Kind}), paid {e.PaidAt:yyyy-MM-dd}"),
        PaymentExceededBalance e => Format($"Payment exceeded the balance by {e.Excess}: flagged for support"),
        PaymentRefunded e => Format($"Refund: {e.Amount}"),
        OrderCancelled { RefundDue: { } due } => Format($"Order cancelled, refund due {due}"),
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
        PersonalDataViewed e => Format($"Personal data viewed ({string.Join(", ", e.Fields)}) for {e.Purpose}"),
        EmployeeOnboarded => "Employee onboarded",
        EmployeeRoleGranted e => Format($"Role granted: {e.Role}"),
        EmployeeRoleRevoked e => Format($"Role revoked: {e.Role}"),
        EmployeeOffboarded => "Employee offboarded",
        AdminNominated e => Format($"Nominated as admin until {e.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
        AdminNominationRejected => "Admin nomination rejected",
        BreakGlassGranted e => Format($"Break-glass access granted until {e.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
        BreakGlassEnded => "Break-glass access ended",
        CrewAssigned e => Format($"Assigned to crew {e.CrewId}"),
        _ => data.GetType().Name,
    };

    private static string Crew(Guid? crewId) => crewId is { } id ? Format($", crew {id}") : "";

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    /// <summary>The column holds 300 characters; a longer summary (a long list of applied changes) is cut rather than
    /// refused by MySQL, which would stop the projector on that page.</summary>
    private static string Fit(string summary) => summary.Length <= MaxSummaryLength ? summary : summary[..(MaxSummaryLength - 1)] + "…";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
