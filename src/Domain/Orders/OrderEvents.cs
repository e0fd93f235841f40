namespace SolarEvents.Domain.Orders;

// The order lifecycle, in the order it happens. Stable names are in EventCatalog.

public sealed record QuoteRequested(
    Guid OrderId,
    Guid CustomerId,
    InstallationSite Site,
    RoofType Roof,
    decimal EstimatedKwp,
    SystemConfiguration System,
    DateTimeOffset RequestedAt);

/// <summary>Version 2: adds the crew that does the survey. Version 1 (<see cref="SiteSurveyScheduledV1"/>) is upcast on read.</summary>
public sealed record SiteSurveyScheduled(Guid OrderId, DateTimeOffset SurveyAt, Guid? CrewId, DateTimeOffset ScheduledAt);

public sealed record SiteSurveyCompleted(Guid OrderId, string Findings, decimal AdjustedKwp, DateTimeOffset CompletedAt);

/// <summary><paramref name="Total"/> is the sum of the lines, kept so readers need not re-add them.</summary>
public sealed record QuoteIssued(
    Guid OrderId,
    Guid QuoteId,
    IReadOnlyList<PriceLine> Lines,
    string Currency,
    decimal Total,
    DateTimeOffset ValidUntil,
    DateTimeOffset IssuedAt);

public sealed record QuoteAccepted(Guid OrderId, Guid QuoteId, DateTimeOffset AcceptedAt);

/// <summary>Version 2: adds the crew. Version 1 (<see cref="InstallationScheduledV1"/>) is upcast on read.</summary>
public sealed record InstallationScheduled(
    Guid OrderId,
    InstallationWindow Window,
    Guid? CrewId,
    DateTimeOffset ScheduledAt);

public sealed record SystemInstalled(Guid OrderId, DateTimeOffset InstalledAt);

public sealed record GridConnectionApproved(Guid OrderId, string GridOperatorReference, DateTimeOffset ApprovedAt);

public sealed record SystemActivated(Guid OrderId, DateTimeOffset ActivatedAt);
