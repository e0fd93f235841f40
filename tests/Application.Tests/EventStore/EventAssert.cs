using System.Collections;
using Marten;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>
/// Compares an event read back with the one appended. Record equality alone would call two equal lists
/// different (lists compare by reference), so each property is compared on its own, collections element by
/// element; the JSON of both must match too, which also catches a lost offset or a changed decimal scale.
/// </summary>
public static class EventAssert
{
    public static void Same(object expected, object actual, ISerializer serializer)
    {
        Assert.IsType(expected.GetType(), actual);
        Assert.Equal(serializer.ToJson(expected), serializer.ToJson(actual));

        foreach (var property in expected.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            var same = want is IEnumerable wanted and not string && got is IEnumerable gotten
                ? wanted.Cast<object?>().SequenceEqual(gotten.Cast<object?>())
                : Equals(want, got);
            Assert.True(same, $"{expected.GetType().Name}.{property.Name}: appended {Describe(want)}, read back {Describe(got)}.");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value.ToString() ?? "",
    };
}
