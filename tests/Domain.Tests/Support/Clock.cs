namespace SolarEvents.Domain.Tests.Support;

/// <summary>The fixed "now" of every example: decisions take time as an argument, never from a clock.</summary>
public static class Clock
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);
}
