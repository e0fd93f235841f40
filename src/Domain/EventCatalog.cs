using System.Collections.Frozen;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Domain;

/// <summary>An event type and the name it is stored under. The name, not the CLR name, is what history
/// holds, so a class can be renamed or moved freely; the name never changes once events use it.</summary>
public sealed record CatalogedEvent(string Name, Type Type);

/// <summary>An event shape no longer emitted, still read from old streams: stored as
/// <see cref="Name"/> in the <see cref="OldType"/> shape and turned into <see cref="NewType"/> on read.</summary>
public sealed record SupersededEvent(string Name, Type OldType, Type NewType, Func<object, object> Upcast);

/// <summary>
/// Every event type the domain emits, with its stable name <c>aggregate.snake_case.vN</c>. The application
/// registers exactly these with Marten; docs/domain.md describes each (a test keeps them in step).
/// A changed shape gets a new version here and its old shape moves to <see cref="Superseded"/>.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<CatalogedEvent> Current { get; } =
    [
        new("order.quote_requested.v1", typeof(QuoteRequested)),
        new("order.site_survey_scheduled.v2", typeof(SiteSurveyScheduled)),
        new("order.site_survey_completed.v1", typeof(SiteSurveyCompleted)),
        new("order.quote_issued.v1", typeof(QuoteIssued)),
        new("order.quote_accepted.v1", typeof(QuoteAccepted)),
        new("order.installation_scheduled.v2", typeof(InstallationScheduled)),
        new("order.installation_rescheduled.v1", typeof(InstallationRescheduled)),
        new("order.system_installed.v1", typeof(SystemInstalled)),
        new("order.grid_connection_approved.v1", typeof(GridConnectionApproved)),
        new("order.system_activated.v1", typeof(SystemActivated)),
        new("order.payment_recorded.v2", typeof(PaymentRecorded)),
        new("order.payment_exceeded_balance.v1", typeof(PaymentExceededBalance)),
        new("order.payment_refunded.v1", typeof(PaymentRefunded)),
        new("order.system_configuration_changed.v1", typeof(SystemConfigurationChanged)),
        new("order.price_adjusted.v1", typeof(PriceAdjusted)),
        new("order.cancelled.v1", typeof(OrderCancelled)),

        new("account.registered.v1", typeof(AccountRegistered)),
        new("account.contact_details_changed.v1", typeof(AccountContactDetailsChanged)),
        new("account.email_verified.v1", typeof(AccountEmailVerified)),
        new("account.suspended.v1", typeof(AccountSuspended)),
        new("account.reactivated.v1", typeof(AccountReactivated)),
        new("account.closed.v1", typeof(AccountClosed)),
        new("account.personal_data_erased.v1", typeof(AccountPersonalDataErased)),

        new("change_request.opened.v1", typeof(ChangeRequestOpened)),
        new("change_request.approved.v1", typeof(ChangeRequestApproved)),
        new("change_request.rejected.v1", typeof(ChangeRequestRejected)),
        new("change_request.changes_applied.v1", typeof(ChangeRequestChangesApplied)),
        new("change_request.closed.v1", typeof(ChangeRequestClosed)),
        new("change_request.expired.v1", typeof(ChangeRequestExpired)),

        new("privacy.personal_data_viewed.v1", typeof(PersonalDataViewed)),

        new("employee.onboarded.v1", typeof(EmployeeOnboarded)),
        new("employee.role_granted.v1", typeof(EmployeeRoleGranted)),
        new("employee.role_revoked.v1", typeof(EmployeeRoleRevoked)),
        new("employee.offboarded.v1", typeof(EmployeeOffboarded)),
        new("employee.admin_nominated.v1", typeof(AdminNominated)),
        new("employee.admin_nomination_rejected.v1", typeof(AdminNominationRejected)),
        new("employee.break_glass_granted.v1", typeof(BreakGlassGranted)),
        new("employee.break_glass_ended.v1", typeof(BreakGlassEnded)),
        new("employee.crew_assigned.v1", typeof(CrewAssigned)),
    ];

    public static IReadOnlyList<SupersededEvent> Superseded { get; } =
    [
        new(
            "order.installation_scheduled.v1",
            typeof(InstallationScheduledV1),
            typeof(InstallationScheduled),
            old => InstallationScheduledUpcaster.Upcast((InstallationScheduledV1)old)),
        new(
            "order.site_survey_scheduled.v1",
            typeof(SiteSurveyScheduledV1),
            typeof(SiteSurveyScheduled),
            old => SiteSurveyScheduledUpcaster.Upcast((SiteSurveyScheduledV1)old)),
        new(
            "order.payment_recorded.v1",
            typeof(PaymentRecordedV1),
            typeof(PaymentRecorded),
            old => PaymentRecordedUpcaster.Upcast((PaymentRecordedV1)old)),
    ];

    /// <summary>The aggregate of every cataloged type, current or superseded: the prefix of its name. Built once,
    /// after the lists above; the projector looks it up for every event it writes.</summary>
    private static readonly FrozenDictionary<Type, string> StreamKinds =
        Current.Select(e => (e.Name, e.Type))
            .Concat(Superseded.Select(e => (e.Name, Type: e.OldType)))
            .ToFrozenDictionary(e => e.Type, e => e.Name[..e.Name.IndexOf('.', StringComparison.Ordinal)]);

    /// <summary>The kind of stream an event type belongs to, the prefix of its stable name ("order", "account",
    /// "change_request", "employee", "privacy"); null for a type that is not cataloged. Where the class lives
    /// plays no part, so moving it changes nothing that reads this.</summary>
    public static string? StreamKindOf(Type eventType) => StreamKinds.GetValueOrDefault(eventType);

    /// <summary>The stable name of a current event type; throws for a type that is not cataloged.</summary>
    public static string NameOf(Type eventType) =>
        Current.FirstOrDefault(e => e.Type == eventType)?.Name
        ?? throw new ArgumentException($"{eventType.Name} is not in the event catalog.", nameof(eventType));
}
