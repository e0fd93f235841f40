using System.Globalization;

namespace SolarEvents.Benchmarks;

/// <summary>What one run measures and how long; <c>--quick</c> keeps the whole of ./bench.sh under three minutes.</summary>
public sealed record BenchSettings(
    bool Quick,
    Uri Api,
    int ApiPid,
    string ProjectorDll,
    string Output,
    int Clients,
    int BacklogOrders,
    int Rounds,
    TimeSpan Slice,
    TimeSpan Warmup,
    int ContentionRounds,
    int ReplayEvents,
    int ReplayIterations)
{
    /// <summary>Events per backlog order: QuoteRequested, survey scheduled and completed, quote issued and accepted.</summary>
    public const int EventsPerOrder = 5;

    public const int HotStreams = 10;

    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required.");

        return new BenchSettings(
            quick,
            new Uri(Value("--api")),
            int.Parse(Value("--api-pid"), CultureInfo.InvariantCulture),
            Value("--projector"),
            Value("--out"),
            Clients: 64,
            // BENCH_BACKLOG_ORDERS (a development aid) makes the backlog long enough to profile the projector on.
            BacklogOrders: int.TryParse(Environment.GetEnvironmentVariable("BENCH_BACKLOG_ORDERS"), out var orders) ? orders : quick ? 8_000 : 40_000,
            Rounds: quick ? 3 : 6,
            Slice: TimeSpan.FromSeconds(quick ? 3 : 8),
            // Long enough for the hot paths to reach optimized (tier-1) code while 64 clients keep both cores busy.
            Warmup: TimeSpan.FromSeconds(4),
            ContentionRounds: quick ? 2 : 6,
            ReplayEvents: 10_000,
            ReplayIterations: quick ? 3 : 10);
    }
}
