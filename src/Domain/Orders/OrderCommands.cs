using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

public sealed record RequestQuote(
    Guid OrderId,
    Guid CustomerId,
    InstallationSite Site,
    RoofType Roof,
    decimal EstimatedKwp,
    SystemConfiguration System);

public sealed record ScheduleSiteSurvey(Guid OrderId, DateTimeOffset SurveyAt, Guid? CrewId);

public sealed record CompleteSiteSurvey(Guid OrderId, string Findings, decimal AdjustedKwp);

public sealed record IssueQuote(
    Guid OrderId,
    Guid QuoteId,
    IReadOnlyList<PriceLine> Lines,
    string Currency,
    DateTimeOffset ValidUntil);

/// <summary>Names the quote the customer saw, so a quote reissued meanwhile is not accepted by accident.</summary>
public sealed record AcceptQuote(Guid OrderId, Guid QuoteId);

public sealed record ScheduleInstallation(Guid OrderId, InstallationWindow Window, Guid? CrewId);

public sealed record RecordInstallation(Guid OrderId);

public sealed record ApproveGridConnection(Guid OrderId, string GridOperatorReference);

public sealed record ActivateSystem(Guid OrderId);

/// <summary>A payment the payment provider reports; <paramref name="ProviderEventId"/> is its id for the report, so a
/// report delivered twice is recorded once.</summary>
public sealed record RecordPayment(
    Guid OrderId, Money Amount, PaymentKind Kind, string ProviderEventId, DateTimeOffset PaidAt);

/// <summary>The customer cancels their own order: only until an installation is scheduled and while nothing is paid.</summary>
public sealed record CancelOwnOrder(Guid OrderId, Guid CustomerId, string Reason);

// Amendments: support passes the change request it acts under (checked first with ChangeRequest.Authorize).

public sealed record RescheduleInstallation(
    Guid OrderId, InstallationWindow NewWindow, string Reason, Guid? ChangeRequestId);

public sealed record ChangeSystemConfiguration(
    Guid OrderId, SystemConfiguration NewSystem, string Reason, Guid? ChangeRequestId);

/// <summary><paramref name="Adjustment"/> is signed: positive raises the price, negative reduces it.</summary>
public sealed record AdjustPrice(Guid OrderId, Money Adjustment, string Reason, Guid? ChangeRequestId);

/// <summary><paramref name="RefundDue"/>: how much of what was paid goes back, in the order's currency;
/// required once anything has been paid (zero keeps it all), see <see cref="OrderCancelled"/>.</summary>
public sealed record CancelOrder(Guid OrderId, string Reason, decimal? RefundDue, Guid? ChangeRequestId);

public sealed record RefundPayment(Guid OrderId, Money Amount, string Reason, Guid? ChangeRequestId);
