namespace SolarEvents.Domain.Orders;

/// <summary>
/// The first shape of <see cref="InstallationScheduled"/>, stored as <c>order.installation_scheduled.v1</c>
/// before crews were assigned. Kept only so old streams can be read; nothing emits it any more.
/// </summary>
public sealed record InstallationScheduledV1(Guid OrderId, InstallationWindow Window, DateTimeOffset ScheduledAt);

public static class InstallationScheduledUpcaster
{
    /// <summary>Old installations were scheduled without a crew on record, so the crew is unknown, not empty.</summary>
    public static InstallationScheduled Upcast(InstallationScheduledV1 old) =>
        new(old.OrderId, old.Window, CrewId: null, old.ScheduledAt);
}
