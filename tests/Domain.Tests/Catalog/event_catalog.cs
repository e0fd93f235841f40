using System.Reflection;
using System.Text.RegularExpressions;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Domain.Tests.Catalog;

public partial class event_catalog
{
    /// <summary>Which aggregate each name prefix belongs to.</summary>
    private static readonly Dictionary<string, Type> Aggregates = new()
    {
        ["order"] = typeof(Order),
        ["account"] = typeof(Account),
        ["change_request"] = typeof(ChangeRequest),
        ["employee"] = typeof(Employee),
        ["privacy"] = typeof(PersonalDataReads),
    };

    [GeneratedRegex(@"^(?<aggregate>[a-z]+(_[a-z]+)*)\.[a-z]+(_[a-z]+)*\.v(?<version>[1-9][0-9]*)$")]
    private static partial Regex StableName();

    private static IEnumerable<string> AllNames =>
        EventCatalog.Current.Select(e => e.Name).Concat(EventCatalog.Superseded.Select(e => e.Name));

    [Fact]
    public void names_follow_aggregate_snake_case_version() =>
        Assert.All(AllNames, name =>
        {
            var match = StableName().Match(name);
            Assert.True(match.Success, $"{name} is not aggregate.snake_case.vN");
            Assert.Contains(match.Groups["aggregate"].Value, Aggregates.Keys);
        });

    [Fact]
    public void names_and_types_are_unique()
    {
        Assert.Equal(AllNames.Count(), AllNames.Distinct().Count());
        Assert.Equal(EventCatalog.Current.Count, EventCatalog.Current.Select(e => e.Type).Distinct().Count());
    }

    [Fact]
    public void every_event_an_aggregate_applies_is_cataloged()
    {
        var applied = Aggregates.Values.SelectMany(EventsAppliedBy).ToHashSet();
        Assert.Equal(applied.OrderBy(t => t.Name), EventCatalog.Current.Select(e => e.Type).OrderBy(t => t.Name));
    }

    [Fact]
    public void every_event_is_applied_by_the_aggregate_its_name_names() =>
        Assert.All(EventCatalog.Current, e => Assert.Contains(e.Type, EventsAppliedBy(Aggregates[e.Name.Split('.')[0]])));

    [Fact]
    public void every_event_starts_with_its_stream_id() =>
        Assert.All(
            EventCatalog.Current.Select(e => e.Type).Concat(EventCatalog.Superseded.Select(e => e.OldType)),
            type => Assert.Equal(typeof(Guid), type.GetConstructors().Single().GetParameters()[0].ParameterType));

    [Fact]
    public void a_superseded_name_is_an_older_version_of_a_current_one() =>
        Assert.All(EventCatalog.Superseded, old =>
        {
            var current = EventCatalog.NameOf(old.NewType);
            Assert.Equal(BaseName(old.Name), BaseName(current));
            Assert.True(Version(old.Name) < Version(current));
            Assert.IsType(old.NewType, old.Upcast(Activator.CreateInstance(old.OldType, SampleArguments(old.OldType))!));
        });

    [Fact]
    public void an_uncataloged_type_has_no_name() =>
        Assert.Throws<ArgumentException>(() => EventCatalog.NameOf(typeof(string)));

    [Fact]
    public void the_stream_kind_of_every_cataloged_type_is_its_name_prefix() =>
        Assert.All(
            EventCatalog.Current.Select(e => (e.Name, e.Type)).Concat(EventCatalog.Superseded.Select(e => (e.Name, Type: e.OldType))),
            e => Assert.Equal(e.Name.Split('.')[0], EventCatalog.StreamKindOf(e.Type)));

    [Fact]
    public void an_uncataloged_type_has_no_stream_kind()
    {
        Assert.Null(EventCatalog.StreamKindOf(typeof(string)));
        // Beside the order events, in their namespace, but not an event.
        Assert.Null(EventCatalog.StreamKindOf(typeof(Order)));
    }

    private static IEnumerable<Type> EventsAppliedBy(Type aggregate) =>
        aggregate.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.Name is "When" or "Start" && m.ReturnType == aggregate && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType);

    private static string BaseName(string name) => name[..name.LastIndexOf('.')];

    private static int Version(string name) => int.Parse(name[(name.LastIndexOf(".v", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

    private static object?[] SampleArguments(Type type) =>
        [.. type.GetConstructors().Single().GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)];
}
