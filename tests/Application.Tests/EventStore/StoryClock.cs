namespace SolarEvents.Application.Tests.EventStore;

/// <summary>
/// The moments the stories happen at. Not UTC and not whole milliseconds on purpose: a serializer that
/// dropped the offset or truncated ticks would show up as a difference.
/// </summary>
public static class StoryClock
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    public static DateTimeOffset Day(int days) => T0.AddDays(days);

    public static DateOnly Date(int days) => DateOnly.FromDateTime(Day(days).UtcDateTime);
}
