using System.Reflection;

namespace SolarEvents.Architecture.Tests;

/// <summary>The dependency rules of docs/architecture.md, checked on the compiled assemblies.</summary>
public sealed class dependency_rules
{
    private static readonly Assembly Domain = typeof(SolarEvents.Domain.EventCatalog).Assembly;
    private static readonly Assembly Application = typeof(SolarEvents.Application.EventStore.EventStoreConfiguration).Assembly;
    private static readonly Assembly Projections = typeof(SolarEvents.Projections.ProjectorHost).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static string[] ReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToArray();

    [Fact]
    public void domain_references_no_project_of_ours()
    {
        Assert.DoesNotContain(ReferencesOf(Domain), name => name.StartsWith("SolarEvents", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Marten")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Wolverine")]
    [InlineData("Npgsql")]
    [InlineData("MySqlConnector")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Extensions")]
    [InlineData("JasperFx")]
    public void domain_has_no_infrastructure(string forbiddenPrefix)
    {
        Assert.DoesNotContain(ReferencesOf(Domain), name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void application_references_only_the_domain_of_ours()
    {
        var ours = ReferencesOf(Application).Where(name => name.StartsWith("SolarEvents", StringComparison.Ordinal));
        Assert.Equal(["SolarEvents.Domain"], ours);
    }

    [Fact]
    public void application_knows_nothing_of_the_read_side_storage()
    {
        Assert.DoesNotContain(ReferencesOf(Application), name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(ReferencesOf(Application), name => name.StartsWith("Pomelo", StringComparison.Ordinal));
    }

    [Fact]
    public void projections_do_not_reference_the_api()
    {
        Assert.DoesNotContain("SolarEvents.Api", ReferencesOf(Projections));
    }

    [Fact]
    public void the_api_does_not_write_read_models()
    {
        // The API reads MySQL through the DbContext, but only the projector writes: no API type may call
        // SaveChanges on a DbContext. Checked on the IL's call instructions (async bodies included, since
        // their state machines are nested types of the API assembly).
        Assert.Empty(DbContextWritersIn(Api));
    }

    [Fact]
    public void the_writer_check_does_see_the_projectors_writes()
    {
        Assert.NotEmpty(DbContextWritersIn(Projections));
    }

    private static IEnumerable<string> DbContextWritersIn(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where CallsAny(method, "SaveChanges")
        select $"{type.Name}.{method.Name}";

    [Fact]
    public void domain_events_are_records_named_in_the_past_tense_and_carry_their_stream_id_first()
    {
        foreach (var cataloged in SolarEvents.Domain.EventCatalog.Current)
        {
            var type = cataloged.Type;
            Assert.True(type.GetMethod("<Clone>$") is not null, $"{type.Name} is not a record");
            var first = type.GetConstructors().Single().GetParameters().First();
            Assert.Equal(typeof(Guid), first.ParameterType);
        }
    }

    private static bool CallsAny(MethodInfo method, string calledName)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null) return false;
        // call / callvirt followed by a metadata token; resolve and compare names.
        for (var i = 0; i < body.Length - 4; i++)
        {
            if (body[i] is not (0x28 or 0x6F)) continue;
            var token = BitConverter.ToInt32(body, i + 1);
            try
            {
                if (method.Module.ResolveMethod(token) is { } called && called.Name.StartsWith(calledName, StringComparison.Ordinal)
                    && typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(called.DeclaringType))
                    return true;
            }
            catch (ArgumentException)
            {
                // Not a method token: the byte happened to look like a call opcode.
            }
        }

        return false;
    }
}
