using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SolarEvents.Application.Identity;

namespace SolarEvents.Architecture.Tests;

/// <summary>
/// An alert on a metric or label the code never emits stays silent forever. The rules in
/// <c>deploy/prometheus/alerts.yml</c> may only name metrics the code defines and security events it records.
/// </summary>
public sealed partial class alert_rules_match_the_metrics
{
    /// <summary>The Prometheus names of the metrics SolarEvents defines (dots become underscores; counters get _total).</summary>
    private static readonly HashSet<string> OwnMetrics =
        ["solarevents_projector_lag", "solarevents_problems_total", "solarevents_security_events_total"];

    private static string Rules { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "prometheus", "alerts.yml"));

    [Fact]
    public void every_security_event_an_alert_names_is_one_the_code_records()
    {
        var recorded = typeof(SecurityEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(EventId))
            .Select(field => ((EventId)field.GetValue(null)!).Name)
            .ToHashSet();
        var named = SecurityEventSelector().Matches(Rules).Select(match => match.Groups["event"].Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, recorded));
        // The counter's only label is "event": a selector on any other label matches nothing.
        Assert.DoesNotMatch(@"solarevents_security_events_total\{(?!event=)", Rules);
    }

    [Fact]
    public void every_solarevents_metric_an_alert_names_exists()
    {
        var named = OwnMetricName().Matches(Rules).Select(match => match.Value).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, OwnMetrics));
    }

    [GeneratedRegex(@"solarevents_security_events_total\{event=""(?<event>\w+)""\}")]
    private static partial Regex SecurityEventSelector();

    [GeneratedRegex(@"\bsolarevents_\w+")]
    private static partial Regex OwnMetricName();
}
