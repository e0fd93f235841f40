using System.Reflection;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Architecture.Tests;

/// <summary>
/// Every command appends through one step (<see cref="CommandStreams"/>), and every endpoint sends through one
/// door (<see cref="CommandSender"/>): checked on the compiled IL, async bodies included (their state machines are
/// nested types of the method's class).
/// </summary>
public sealed class one_write_path
{
    private static readonly Assembly Application = typeof(CommandStreams).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    /// <summary>Writers of events that are not commands: the record of an employee reading personal data (a read,
    /// recorded as it happens) and the seeding of the first admin at start-up (no caller exists yet).</summary>
    private static readonly HashSet<string> NonCommandWriters = ["PersonalDataAccessLog", "BootstrapAdmin"];

    [Fact]
    public void no_handler_appends_to_a_stream_except_through_the_one_step()
    {
        var appenders = Callers(Application, IsEventAppend).Select(OwnerName).Distinct().ToList();

        Assert.Contains(nameof(CommandStreams), appenders); // the scan does see appends
        Assert.Equal([nameof(CommandStreams)], appenders.Except(NonCommandWriters).ToList());
    }

    [Fact]
    public void no_endpoint_invokes_the_bus_except_through_the_command_sender()
    {
        Assert.NotEmpty(Callers(Application, IsBusInvoke));
        Assert.Empty(Callers(Api, IsBusInvoke));
        Assert.Equal([nameof(CommandSender)], Callers(Application, IsBusInvoke).Select(OwnerName).Distinct().ToList());
    }

    private static bool IsEventAppend(MethodBase called) =>
        called.Name is "StartStream" or "Append" or "AppendMany" or "AppendOne" or "AppendOptimistic" or "AppendExclusive"
        && called.DeclaringType?.Namespace is { } ns && (ns.StartsWith("Marten", StringComparison.Ordinal) || ns.StartsWith("JasperFx", StringComparison.Ordinal));

    private static bool IsBusInvoke(MethodBase called) =>
        called.Name is "InvokeAsync" or "InvokeForTenantAsync" && called.DeclaringType?.Namespace == "Wolverine";

    /// <summary>The top-level type a method (or the async state machine or lambda closure it lives in) belongs to.</summary>
    private static string OwnerName(MethodInfo method)
    {
        var type = method.DeclaringType!;
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Name;
    }

    private static IEnumerable<MethodInfo> Callers(Assembly assembly, Func<MethodBase, bool> calls) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where Called(method).Any(calls)
        select method;

    private static IEnumerable<MethodBase> Called(MethodInfo method)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null) yield break;
        for (var i = 0; i < body.Length - 4; i++)
        {
            if (body[i] is not (0x28 or 0x6F)) continue; // call, callvirt
            MethodBase? called;
            try
            {
                called = method.Module.ResolveMethod(BitConverter.ToInt32(body, i + 1), method.DeclaringType?.GetGenericArguments(), null);
            }
            catch (ArgumentException)
            {
                continue; // not a method token: the byte only looked like a call opcode
            }

            if (called is not null) yield return called;
        }
    }
}
