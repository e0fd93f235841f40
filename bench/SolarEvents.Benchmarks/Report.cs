using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SolarEvents.Benchmarks;

/// <summary>Everything one run measured: bench/results/latest.json, and the Markdown table ./bench.sh puts into
/// docs/benchmarks.md.</summary>
public sealed class Report(BenchSettings settings)
{
    private readonly string _loadAtStart = LoadAverage();

    public ProjectorResult? Projector { get; set; }

    public CommandsResult? Commands { get; set; }

    public ContentionResult? Contention { get; set; }

    public ReadsResult? Reads { get; set; }

    public ReplayResult? Replay { get; set; }

    public double? ApiPeakMiB { get; set; }

    public double? ProjectorPeakMiB { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task WriteAsync()
    {
        var machine = new
        {
            date = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
            mode = settings.Quick ? "quick" : "full",
            cpu = CpuModel(),
            cores = Environment.ProcessorCount,
            os = RuntimeInformation.OSDescription,
            runtime = RuntimeInformation.FrameworkDescription,
            loadAverageAtStart = _loadAtStart,
            loadAverageAtEnd = LoadAverage(),
            versions = Versions(),
            servers = Environment.GetEnvironmentVariable("BENCH_SERVER_VERSIONS"),
        };
        var document = new
        {
            machine,
            commands = Commands is { } c ? new
            {
                clients = settings.Clients, http = Summary(c.Http), bareMarten = Summary(c.Bare), ratio = Round(c.Ratio), target = 0.5,
                mix = "a cycle per client: place an order, open a change request, reschedule under it, change the system configuration under it, accept the quote of a quoted order, report a payment (signed webhook)",
                httpP50MsByKind = c.HttpP50ByKind, bareP50MsByKind = c.BareP50ByKind,
            } : null,
            contention = Contention is { } k ? new
            {
                hotStreams = BenchSettings.HotStreams, clients = settings.Clients, command = "price increase under a change request",
                http = Side(k.Http), bareMarten = Side(k.Bare), ratio = Round(k.Ratio), target = 0.5,
            } : null,
            projector = Projector,
            freshness = Commands?.Freshness,
            reads = Reads is { } r ? new { clients = settings.Clients, http = Summary(r.Http), bareEfCore = Summary(r.Bare), httpFloorHealthLive = Summary(r.Floor), ratio = Round(r.Ratio), target = 0.7 } : null,
            replay = Replay,
            memory = new { apiPeakMiB = ApiPeakMiB, projectorPeakMiB = ProjectorPeakMiB },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        await File.WriteAllTextAsync(settings.Output, JsonSerializer.Serialize(document, Json) + "\n");
        await File.WriteAllTextAsync(Path.ChangeExtension(settings.Output, ".md"), Markdown(machine.date, machine.cpu, machine.versions));
        Console.WriteLine($"wrote {settings.Output}");
    }

    private string Markdown(string date, string cpu, IReadOnlyDictionary<string, string> versions)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"Run: {date} ({(settings.Quick ? "`./bench.sh --quick`" : "`./bench.sh`")}), {cpu}, {Environment.ProcessorCount} cores, load average {_loadAtStart} at start and {LoadAverage()} at end.");
        Line($"Versions: {RuntimeInformation.FrameworkDescription}; {string.Join("; ", versions.Select(v => v.Key + " " + v.Value))}; {Environment.GetEnvironmentVariable("BENCH_SERVER_VERSIONS")}.");
        md.AppendLine();
        md.AppendLine("| scenario | SolarEvents | baseline, same run | ratio | target |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        if (Commands is { } c)
        {
            Line($"| commands (64 clients, distinct streams; mix of place, open request, reschedule, change system, accept quote, payment) | {Rate(c.Http)}; p50 by kind: {Kinds(c.HttpP50ByKind)} | bare Marten {Rate(c.Bare)}; p50 by kind: {Kinds(c.BareP50ByKind)} | {c.Ratio:0.00} | ≥ 0.5 {Mark(c.Ratio >= 0.5)} |");
            var f = c.Freshness;
            Line($"| freshness under the command load | p50 {f.P50:0} ms, p95 {f.P95:0} ms, p99 {f.P99:0} ms, max {f.Max:0} ms ({f.Seen}/{f.Commands} commands seen); GET ?minVersion=1: p50 {f.ProbeP50:0} ms, p99 {f.ProbeP99:0} ms ({f.Probes} probes, {f.ProbeFailures} unseen) | — | — | p99 < 500 ms {Mark(f.P99 < 500)} |");
        }

        if (Contention is { } k)
        {
            Line($"| contention (10 hot streams, 64 clients, price increase under a request) | {Contended(k.Http, "409s")} | bare Marten {Contended(k.Bare, "conflicts")} | {k.Ratio:0.00} | ≥ 0.5 {Mark(k.Ratio >= 0.5 && k.Http.Exact && k.Bare.Exact)} |");
        }

        if (Projector is { } p)
        {
            Line($"| projector backlog ({p.Events:N0} events) | {p.EventsPerSecond:0} events/s (first page {p.StartupSeconds:0.0} s after start, caught up {p.CatchUpSeconds:0.0} s later); CPU per 1,000 events: {p.ProjectorCpu} | multi-row INSERTs of the same rows: {p.BaselineEventsPerSecond:0} events/s, CPU per 1,000 events: {p.BaselineCpu} (reading the log alone through Marten: {p.ReadLogEventsPerSecond:0} events/s, CPU: {p.ReadLogCpu}) | {p.Ratio:0.00} | ≥ 0.5 {Mark(p.Ratio >= 0.5)} |");
        }

        if (Reads is { } r)
        {
            Line($"| reads: order detail (64 clients) | {Rate(r.Http)} | bare EF Core {Rate(r.Bare)} | {r.Ratio:0.00} | ≥ 0.7 {Mark(r.Ratio >= 0.7)} |");
            Line($"| HTTP floor: GET /health/live (64 clients) | {Rate(r.Floor)} | — | — | diagnostic |");
        }

        if (Replay is { } y)
        {
            Line($"| replay: one stream of {y.Events:N0} events | AggregateStreamAsync {y.MartenMs:0} ms ({y.MartenEventsPerSecond:0} events/s) | bare Npgsql row read {y.BareReadMs:0} ms ({y.BareEventsPerSecond:0} events/s) | {y.Ratio:0.00} | report |");
        }

        if (Replay is { Chain: { } chain })
        {
            Line($"| replay: whole-store hash-chain verification | {chain.Events:N0} events in {chain.Streams:N0} streams in {chain.Seconds:0.0} s ({chain.Events / chain.Seconds:0} events/s), {(chain.Intact ? "intact" : "BROKEN")} | — | — | report |");
        }

        Line($"| memory: peak RSS (VmHWM) | API {ApiPeakMiB:0} MiB, projector {ProjectorPeakMiB:0} MiB | — | — | report |");
        return md.ToString();
    }

    private static string Rate(LoadStats s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.PerSecond:0}/s, p50 {s.P50:0.0} / p95 {s.P95:0.0} / p99 {s.P99:0.0} ms{(s.Failed > 0 ? $", {s.Failed} failed" : "")}; CPU/op: API {s.ApiCpuMsPerOp:0.00} ms, client {s.ClientCpuMsPerOp:0.00} ms");

    private static string Contended(ContentionSide side, string conflicts) => string.Create(CultureInfo.InvariantCulture,
        $"{Rate(side.Commands)}; {side.Conflicts} {conflicts} retried; {side.Appended} events for {side.Commands.Succeeded} commands ({(side.Exact ? "none lost or doubled" : "**MISMATCH**")})");

    private static string Kinds(IReadOnlyDictionary<string, double> p50s) =>
        string.Join(", ", p50s.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:0.0} ms")));

    private static object Side(ContentionSide side) =>
        new { commands = Summary(side.Commands), conflictsRetried = side.Conflicts, appended = side.Appended, exactlyOnce = side.Exact };

    private static string Mark(bool met) => met ? "met" : "**missed**";

    private static object Summary(LoadStats s) => new
    {
        perSecond = Round(s.PerSecond), succeeded = s.Succeeded, failed = s.Failed, failures = s.Failures,
        seconds = Round(s.Elapsed.TotalSeconds), p50Ms = Round(s.P50), p95Ms = Round(s.P95), p99Ms = Round(s.P99),
        apiCpuMsPerOp = Round(s.ApiCpuMsPerOp), clientCpuMsPerOp = Round(s.ClientCpuMsPerOp),
    };

    private static double Round(double value) => Math.Round(value, 2);

    private static Dictionary<string, string> Versions() => new[]
    {
        ("Marten", typeof(Marten.DocumentStore).Assembly),
        ("Wolverine", typeof(Wolverine.IMessageBus).Assembly),
        ("Npgsql", typeof(Npgsql.NpgsqlConnection).Assembly),
        ("EF Core", typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly),
        ("Pomelo", typeof(Microsoft.EntityFrameworkCore.MySqlDbContextOptionsBuilderExtensions).Assembly),
        ("MySqlConnector", typeof(MySqlConnector.MySqlConnection).Assembly),
    }.ToDictionary(p => p.Item1, p => (p.Item2.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?").Split('+')[0]);

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
