using System.Text.Json;
using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Tests.Support;

/// <summary>The "then" of given-when-then (named Expect: Then is a VB keyword, CA1716): the events a decision produced, or the rule it refused with.</summary>
public static class Expect
{
    /// <summary>Compares events by type and JSON, because records holding lists compare lists by reference.</summary>
    public static void Events(Decision decision, params object[] expected)
    {
        Assert.True(decision.IsAccepted, $"Refused with {decision.Error?.Code}: {decision.Error?.Detail}");
        Assert.Equal(expected.Select(Describe), decision.Events.Select(Describe));
    }

    public static void Accepted(Decision decision) =>
        Assert.True(decision.IsAccepted, $"Refused with {decision.Error?.Code}: {decision.Error?.Detail}");

    public static void Refused(Decision decision, string code)
    {
        Assert.False(
            decision.IsAccepted,
            $"Expected {code}, but accepted: {string.Join(", ", decision.Events.Select(e => e.GetType().Name))}");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrWhiteSpace(decision.Error.Detail));
    }

    private static string Describe(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
