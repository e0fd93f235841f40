using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SolarEvents.Architecture.Tests;

/// <summary>
/// docs/security.md, A03: queries go through Marten's LINQ, EF Core or parameters, never through SQL text with values
/// pasted in. The sources are parsed, and every SQL-looking string that is assembled at run time (interpolated, or
/// joined with <c>+</c>) is found. The few places that must assemble SQL, because DDL and account statements take no
/// parameters, are listed with the reason what they insert is safe; anything else fails here.
/// (A source check, so it reads syntax: SQL assembled by <c>string.Format</c> or a StringBuilder goes unseen.)
/// </summary>
public sealed partial class no_sql_is_built_from_strings
{
    private static readonly Dictionary<string, string> Reviewed = new()
    {
        ["src/Projections/ReadModels/ReadModelAccounts.cs"] = "account and database names pass a plain-name check",
        ["src/Projections/ReadModels/MultiRowInsert.cs"] = "table and column names from the EF Core model, delimited; values are parameters",
        ["src/Projections/Rebuild/ReadModelTables.cs"] = "table names from the EF Core model, quoted",
        ["src/Application/Compliance/Database/EventStoreRoles.cs"] = "role names quoted as identifiers",
        ["src/Application/Compliance/Database/RolePasswords.cs"] = "role name quoted; the verifier's shape is checked",
        ["src/Application/Compliance/Chain/EventRows.cs"] = "constant fragments; values are parameters",
        ["src/Application/Compliance/Digests/DigestStore.cs"] = "constant fragments; values are parameters",
    };

    [Fact]
    public void only_the_reviewed_places_assemble_sql()
    {
        var assembling = SourceFiles()
            .SelectMany(file => SqlAssembledIn(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))).Select(line => (File: file, Line: line)))
            .ToList();

        Assert.Empty(assembling.Where(place => !Reviewed.ContainsKey(place.File)).Select(place => $"{place.File}:{place.Line}"));
        // A reviewed file that no longer assembles SQL leaves the list, so the list stays a list of real places.
        Assert.Empty(Reviewed.Keys.Except(assembling.Select(place => place.File)));
    }

    [Theory]
    [InlineData("""var sql = $"SELECT * FROM orders WHERE id = '{id}'";""")]
    [InlineData("""var sql = "DELETE FROM accounts WHERE email = '" + email + "'";""")]
    [InlineData("""var sql = "update accounts set name = '" + name + "' where id = 1";""")]
    [InlineData("var sql = $$\"\"\"\n    grant select on orders to {{role}};\n    \"\"\";")]
    [InlineData("""var sql = query + " and stream_id = " + id + " order by version";""")]
    public void assembled_sql_is_found(string statement) =>
        Assert.Single(SqlAssembledIn(Wrapped(statement)));

    [Theory]
    [InlineData("""var sql = "SELECT * FROM orders WHERE id = @id";""")]
    [InlineData("""var sql = "SELECT * FROM orders " + "WHERE id = @id";""")]
    [InlineData("""var message = $"Order {id} was updated from the app";""")]
    [InlineData("""var message = "Select a date" + suffix;""")]
    public void parameterized_sql_and_plain_text_pass(string statement) =>
        Assert.Empty(SqlAssembledIn(Wrapped(statement)));

    /// <summary>Line numbers (1-based) of SQL-looking strings that are interpolated or joined with a non-literal.</summary>
    private static IEnumerable<int> SqlAssembledIn(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var interpolated = root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>()
            .Where(text => text.Contents.OfType<InterpolationSyntax>().Any() && LooksLikeSql(TextOf(text)));
        var joined = root.DescendantNodes().OfType<BinaryExpressionSyntax>()
            .Where(join => join.IsKind(SyntaxKind.AddExpression) && join.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
            .Where(join =>
            {
                var parts = Operands(join).ToList();
                return parts.Any(part => LooksLikeSql(TextOf(part))) && parts.Any(part => part is not LiteralExpressionSyntax);
            });
        return interpolated.Cast<SyntaxNode>().Concat(joined)
            .Select(node => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1)
            .Distinct();
    }

    private static IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax expression) =>
        expression is BinaryExpressionSyntax join && join.IsKind(SyntaxKind.AddExpression)
            ? Operands(join.Left).Concat(Operands(join.Right))
            : [expression];

    private static string TextOf(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax text => string.Concat(text.Contents.OfType<InterpolatedStringTextSyntax>().Select(part => part.TextToken.ValueText)),
        _ => "",
    };

    private static bool LooksLikeSql(string text) => SqlShape().IsMatch(text);

    [GeneratedRegex(
        @"\b(select\s[\s\S]*\bfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|(create|drop|alter)\s+(or\s+replace\s+)?(table|user|role|index|trigger|function|database|schema|view)|grant\s|revoke\s|rename\s+table|truncate\s)\b|\b(where|and|or)\s+[\w.""`]+\s*(=|<|>|in\b|like\b|is\b)|\border\s+by\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SqlShape();

    private static string Wrapped(string statement) => $"class Sample {{ void M(string id, string email, string name, string query, string role, string suffix) {{ {statement} }} }}";

    private static readonly string[] ProductFolders = ["src", "tools"];

    private static IEnumerable<string> SourceFiles() =>
        ProductFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)
                           && !path.Contains("/Migrations/", StringComparison.Ordinal));
}
