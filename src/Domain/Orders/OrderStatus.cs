namespace SolarEvents.Domain.Orders;

/// <summary>
/// Where an order stands. The values are in lifecycle order, and decisions compare them (e.g. "before
/// installation" is <c>Status &lt; Installed</c>), so never reorder them; <see cref="Cancelled"/> sits outside
/// the sequence. Stored events never hold a status, so renumbering would not corrupt history, only logic.
/// </summary>
public enum OrderStatus
{
    QuoteRequested = 0,
    SurveyScheduled = 1,
    SurveyCompleted = 2,
    QuoteIssued = 3,
    QuoteAccepted = 4,
    InstallationScheduled = 5,
    Installed = 6,
    GridConnectionApproved = 7,
    Activated = 8,
    Cancelled = 100,
}
