namespace SolarEvents.Domain.Common;

/// <summary>
/// A set of enum values as a bit mask. Aggregate state uses it instead of a collection so that two states
/// built from the same events compare equal (record equality is structural for this, not for lists).
/// </summary>
public readonly record struct EnumSet<TEnum>(long Bits)
    where TEnum : struct, Enum
{
    public bool IsEmpty => Bits == 0;

    public bool Contains(TEnum value) => (Bits & BitOf(value)) != 0;

    public EnumSet<TEnum> With(TEnum value) => new(Bits | BitOf(value));

    public EnumSet<TEnum> Without(TEnum value) => new(Bits & ~BitOf(value));

    public IReadOnlyList<TEnum> ToList() => [.. Enum.GetValues<TEnum>().Where(Contains)];

    private static long BitOf(TEnum value)
    {
        var position = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return position is >= 0 and < 63
            ? 1L << (int)position
            : throw new ArgumentOutOfRangeException(nameof(value), "Enum sets hold values 0 to 62 only.");
    }
}

public static class EnumSet
{
    public static EnumSet<TEnum> Of<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum =>
        values.Aggregate(default(EnumSet<TEnum>), (set, value) => set.With(value));
}
