using System.Collections.Immutable;

namespace SolarEvents.Domain.Common;

/// <summary>
/// An immutable set that compares by its members, for aggregate state that must remember values other than enum
/// members (those go in an <see cref="EnumSet{TEnum}"/>): two states built from the same events compare equal.
/// </summary>
public sealed class ValueSet<T> : IEquatable<ValueSet<T>>
    where T : notnull
{
    private readonly ImmutableHashSet<T> _items;

    /// <summary>Order-independent (the members' hashes combined by XOR), kept as members are added.</summary>
    private readonly int _hash;

    private ValueSet(ImmutableHashSet<T> items, int hash)
    {
        _items = items;
        _hash = hash;
    }

    /// <summary>One empty set per type, shared (use <see cref="ValueSet.Empty{T}"/>).</summary>
    internal static readonly ValueSet<T> EmptySet = new([], 0);

    public int Count => _items.Count;

    public bool Contains(T value) => _items.Contains(value);

    public ValueSet<T> With(T value) =>
        _items.Contains(value) ? this : new(_items.Add(value), _hash ^ _items.KeyComparer.GetHashCode(value));

    public IReadOnlyList<T> ToList() => [.. _items];

    public bool Equals(ValueSet<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _items.SetEquals(other._items)));

    public override bool Equals(object? obj) => Equals(obj as ValueSet<T>);

    public override int GetHashCode() => _hash;

    public static bool operator ==(ValueSet<T>? left, ValueSet<T>? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(ValueSet<T>? left, ValueSet<T>? right) => !(left == right);
}

public static class ValueSet
{
    public static ValueSet<T> Empty<T>()
        where T : notnull => ValueSet<T>.EmptySet;

    public static ValueSet<T> Of<T>(IEnumerable<T> values)
        where T : notnull => values.Aggregate(Empty<T>(), (set, value) => set.With(value));
}
