using System.Globalization;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Queries;

/// <summary>A page of a keyset-paged list; <see cref="Next"/> is the cursor for the following page, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Keyset paging on a row's position (the global sequence of its creating event), newest first.
/// Page sizes are bounded so no caller can ask the database for everything at once.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? requested) => requested switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => requested.Value,
        _ => throw Invalid("limit", $"limit must be between 1 and {MaxLimit}."),
    };

    /// <summary>The position to continue below; a cursor is an opaque, positive number to clients.</summary>
    public static long Before(string? cursor) =>
        cursor is null ? long.MaxValue
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0 ? position
        : throw Invalid("after", "after is not a cursor this service issued.");

    /// <summary>Fetch <c>limit + 1</c> rows; the extra one only says whether another page exists.</summary>
    public static Page<T> Cut<T>(IReadOnlyList<T> rows, int limit, Func<T, long> position) =>
        rows.Count > limit
            ? new Page<T>(rows.Take(limit).ToList(), position(rows[limit - 1]).ToString(CultureInfo.InvariantCulture))
            : new Page<T>(rows, null);

    /// <summary>Cuts a page whose rows are ordered by something other than their position (see <see cref="AppointmentCursor"/>):
    /// the cursor is what <paramref name="cursor"/> makes of the last row shown.</summary>
    public static Page<T> Cut<T>(IReadOnlyList<T> rows, int limit, Func<T, string> cursor) =>
        rows.Count > limit ? new Page<T>(rows.Take(limit).ToList(), cursor(rows[limit - 1])) : new Page<T>(rows, null);

    /// <summary>Keyset paging in appointment order, soonest first: a row's key is its appointment and, among rows at
    /// the same moment, its position. The cursor holds both as <c>utcTicks.position</c>; opaque to clients.</summary>
    public static string AppointmentCursor(DateTimeOffset at, long position) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}.{position}");

    /// <summary>The appointment key to continue after; null for the first page.</summary>
    public static (DateTimeOffset At, long Position)? AfterAppointment(string? cursor)
    {
        if (cursor is null) return null;
        var parts = cursor.Split('.');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), position)
            : throw Invalid("after", "after is not a cursor this service issued.");
    }

    private static CommandValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
