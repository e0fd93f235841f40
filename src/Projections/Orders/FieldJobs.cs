using SolarEvents.Domain.Orders;

namespace SolarEvents.Projections.Orders;

/// <summary>
/// The work an order holds for a field crew, by its status: a scheduled survey (at the survey time), a scheduled
/// installation (from the first day of the window, midnight UTC) and, once the grid operator approved, the
/// activation (from the approval). The crew is the one booked for the survey, or for the installation (who also
/// activates). Any other status, or no crew named, is no crew's job.
/// </summary>
public static class FieldJobs
{
    public const string Survey = "survey";
    public const string Installation = "installation";
    public const string Activation = "activation";

    public static void Assign(OrderSummary order)
    {
        var (kind, crew, at) = order.Status switch
        {
            nameof(OrderStatus.SurveyScheduled) => (Survey, order.SurveyCrewId, order.SurveyAt),
            nameof(OrderStatus.InstallationScheduled) => (Installation, order.InstallationCrewId, StartOf(order.InstallationFrom)),
            nameof(OrderStatus.GridConnectionApproved) => (Activation, order.InstallationCrewId, order.GridConnectionApprovedAt),
            _ => (null, null, null),
        };
        (order.JobKind, order.JobCrewId, order.JobAt) = (kind, crew, at);
    }

    private static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
