using SolarEvents.Domain.Common;
using SolarEvents.Domain.Tests.Support;

namespace SolarEvents.Domain.Tests.Catalog;

/// <summary>docs/domain.md is the catalog people read; these keep it from drifting from the code.</summary>
public class domain_documentation
{
    private static readonly string Doc = RepositoryFiles.ReadAllText("docs/domain.md");

    public static TheoryData<string, string> CatalogedEvents
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var e in EventCatalog.Current) data.Add(e.Name, e.Type.Name);
            foreach (var e in EventCatalog.Superseded) data.Add(e.Name, e.OldType.Name);
            return data;
        }
    }

    public static TheoryData<string> RuleCodes => [.. RuleCodeValues().Distinct()];

    [Theory]
    [MemberData(nameof(CatalogedEvents))]
    public void every_cataloged_event_is_described_in_the_domain_doc(string name, string typeName)
    {
        Assert.Contains($"`{name}`", Doc, StringComparison.Ordinal);
        Assert.Contains($"`{typeName}`", Doc, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void every_rule_code_is_listed_in_the_domain_doc(string code) =>
        Assert.Contains($"`{code}`", Doc, StringComparison.Ordinal);

    [Fact]
    public void rule_codes_are_kebab_case_and_mean_one_thing_each()
    {
        var codes = RuleCodeValues().ToList();
        Assert.All(codes, code => Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    /// <summary>Every <c>const string</c> of every static <c>*Rules</c> class in the domain.</summary>
    private static IEnumerable<string> RuleCodeValues() =>
        typeof(Decision).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Rules", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields())
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}
