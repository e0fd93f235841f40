using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

public sealed record CommandsResult(LoadStats Http, LoadStats Bare, FreshnessResult Freshness,
    IReadOnlyDictionary<string, double> HttpP50ByKind, IReadOnlyDictionary<string, double> BareP50ByKind)
{
    public double Ratio => Http.PerSecond / Bare.PerSecond;
}

/// <summary>
/// The mix, on distinct streams: each of 64 workers runs a cycle of six commands, a customer placing an
/// order (POST /api/v1/orders, a new stream), a support agent amending the worker's own booked order under a change
/// request (open the request, reschedule the installation, change the system configuration), the customer accepting
/// the quote of one of their quoted orders, and the payment provider reporting a payment on the booked order (a
/// signed webhook). If-Match, Idempotency-Key and the signature as real clients send them. The baseline appends the
/// same events, decided by the same domain functions, through bare Marten sessions (<see cref="BareCommands"/>),
/// interleaved. Every placed order's 2xx is timed against its row appearing in the read model (freshness).
/// </summary>
public static class CommandsScenario
{
    private static readonly string[] Kinds = ["place", "open request", "reschedule", "change system", "accept quote", "payment"];

    public static async Task<CommandsResult> RunAsync(Rig rig)
    {
        var settings = rig.Settings;
        var customers = await rig.NewUsersAsync(settings.Clients, Roles.Customer);
        var agents = await rig.NewUsersAsync(settings.Clients, Roles.SupportAgent);
        // Each side amends its own orders, so neither sees the other's versions.
        var httpDesks = await DesksAsync(rig, customers);
        var bareDesks = await DesksAsync(rig, customers);
        using var freshness = new FreshnessWatch(rig);
        var http = new LoadStats();
        var bare = new LoadStats();
        var httpKinds = new KindLatencies();
        var bareKinds = new KindLatencies();

        Task<string?> Http(int client) => httpKinds.Time(httpDesks[client].Step, () => HttpStepAsync(rig, customers[client], agents[client], httpDesks[client], freshness));
        Task<string?> Bare(int client) => bareKinds.Time(bareDesks[client].Step, () => BareStepAsync(rig, customers[client], agents[client], bareDesks[client]));

        // Warm both paths (JIT, pools, Wolverine's generated handlers) outside the measurement.
        await Load.RunAsync(new LoadStats(), settings.Clients, settings.Warmup, Http);
        await Load.RunAsync(new LoadStats(), settings.Clients, settings.Warmup, Bare);
        httpKinds.Clear();
        bareKinds.Clear();
        await freshness.StartAsync();
        await Load.InterleaveAsync(settings.Rounds, settings.Clients, settings.Slice, (http, Http), (bare, Bare));
        var fresh = await freshness.StopAsync();
        Console.WriteLine($"commands: HTTP {http.PerSecond:0}/s p99 {http.P99:0.0} ms; bare Marten {bare.PerSecond:0}/s p99 {bare.P99:0.0} ms");
        return new CommandsResult(http, bare, fresh, httpKinds.P50s(Kinds), bareKinds.P50s(Kinds));
    }

    /// <summary>One worker's place in its cycle, and the booked order it amends.</summary>
    private sealed class Desk(Guid orderId)
    {
        public Guid OrderId { get; } = orderId;

        public long Version { get; set; } = OrderStreams.ReadyVersion;

        /// <summary>The customer's orders with a quote on the table, one accepted per cycle.</summary>
        public Queue<(Guid OrderId, Guid QuoteId)> Quoted { get; } = new();

        public Guid RequestId { get; set; }

        public int Cycle { get; set; }

        public int Step { get; set; }

        /// <summary>Moves on only after a success, so a failed step is tried again, as a person would.</summary>
        public string? Advance(string? failure)
        {
            if (failure is not null) return failure;
            if (++Step == Kinds.Length) (Step, Cycle) = (0, Cycle + 1);
            return null;
        }
    }

    private static async Task<List<Desk>> DesksAsync(Rig rig, List<Customer> customers)
    {
        var desks = customers.Select(_ => new Desk(Guid.CreateVersion7())).ToList();
        await BareCommands.SeedReadyOrdersAsync(rig, desks.Select(d => d.OrderId));
        // More quoted orders than a worker gets through: at about one cycle a second, the measured time and the warm-up.
        var quotedPerDesk = (int)(rig.Settings.Rounds * rig.Settings.Slice.TotalSeconds + rig.Settings.Warmup.TotalSeconds) * 2;
        for (var i = 0; i < desks.Count; i++)
        {
            foreach (var quoted in await BareCommands.SeedQuotedOrdersAsync(rig, customers[i].Id, quotedPerDesk)) desks[i].Quoted.Enqueue(quoted);
        }

        return desks;
    }

    private static async Task<string?> HttpStepAsync(Rig rig, Customer customer, Customer agent, Desk desk, FreshnessWatch freshness)
    {
        switch (desk.Step)
        {
            case 0:
                return desk.Advance(await PlaceAsync(rig, customer, freshness));
            case 1:
                var (requestId, failure) = await StaffDesk.OpenAsync(rig, agent, desk.OrderId, ChangeCategory.Reschedule, ChangeCategory.ChangeSystemConfiguration);
                desk.RequestId = requestId;
                return desk.Advance(failure);
            case 2:
                return desk.Advance(Amended(desk, await StaffDesk.PostAsync(rig, agent, $"/api/v1/staff/orders/{desk.OrderId}/reschedule",
                    StaffDesk.RescheduleBody(desk.RequestId, OrderStreams.Window(desk.Cycle + 1)), desk.Version)));
            case 3:
                return desk.Advance(Amended(desk, await StaffDesk.PostAsync(rig, agent, $"/api/v1/staff/orders/{desk.OrderId}/system-configuration",
                    StaffDesk.SystemBody(desk.RequestId, OrderStreams.System(desk.Cycle + 1)), desk.Version)));
            case 4:
                if (!desk.Quoted.TryDequeue(out var quoted)) return "no quoted order left";
                var accepted = await StaffDesk.PostAsync(rig, customer, $"/api/v1/orders/{quoted.OrderId}/quote-acceptance",
                    new { quoteId = quoted.QuoteId }, OrderStreams.QuotedVersion);
                return desk.Advance(accepted.Failure ?? (accepted.Conflict ? "409 on an uncontended order" : null));
            default:
                return desk.Advance(Amended(desk, await PaymentProvider.ReportAsync(rig, desk.OrderId)));
        }
    }

    private static string? Amended(Desk desk, StaffDesk.Answer answer)
    {
        if (answer.Failure is not null) return answer.Failure;
        if (answer.Conflict) return "409 on an uncontended order";
        desk.Version = answer.Version;
        return null;
    }

    private static async Task<string?> BareStepAsync(Rig rig, Customer customer, Customer agent, Desk desk)
    {
        switch (desk.Step)
        {
            case 0:
                await BareCommands.RequestQuoteAsync(rig, customer.Id);
                break;
            case 1:
                desk.RequestId = await BareCommands.OpenAsync(rig, agent.Id, desk.OrderId, ChangeCategory.Reschedule, ChangeCategory.ChangeSystemConfiguration);
                break;
            case 2:
                var window = OrderStreams.Window(desk.Cycle + 1);
                desk.Version = await BareCommands.AmendAsync(rig, agent.Id, desk.OrderId, desk.Version, desk.RequestId, ChangeCategory.Reschedule,
                    (order, now) => Order.RescheduleInstallation(order, new RescheduleInstallation(desk.OrderId, window, StaffDesk.Reason, desk.RequestId), now));
                break;
            case 3:
                var system = OrderStreams.System(desk.Cycle + 1);
                desk.Version = await BareCommands.AmendAsync(rig, agent.Id, desk.OrderId, desk.Version, desk.RequestId, ChangeCategory.ChangeSystemConfiguration,
                    (order, now) => Order.ChangeSystemConfiguration(order, new ChangeSystemConfiguration(desk.OrderId, system, StaffDesk.Reason, desk.RequestId), now));
                break;
            case 4:
                if (!desk.Quoted.TryDequeue(out var quoted)) return "no quoted order left";
                await BareCommands.DecideAsync(rig, customer.Id, Roles.Customer, quoted.OrderId, OrderStreams.QuotedVersion,
                    (order, now) => Order.AcceptQuote(order, new AcceptQuote(quoted.OrderId, quoted.QuoteId), now));
                break;
            default:
                desk.Version = await BareCommands.DecideAsync(rig, PaymentProvider.ActorId, Roles.PaymentProvider, desk.OrderId, desk.Version,
                    (order, now) => Order.RecordPayment(order, OrderStreams.OneEuro(desk.OrderId, "evt_" + Guid.NewGuid().ToString("N"), now), now));
                break;
        }

        return desk.Advance(null);
    }

    private static async Task<string?> PlaceAsync(Rig rig, Customer customer, FreshnessWatch freshness)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(OrderStreams.RequestQuoteJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        using var response = await rig.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created) return "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var orderId = Guid.Parse(response.Headers.Location!.OriginalString.AsSpan()[(response.Headers.Location.OriginalString.LastIndexOf('/') + 1)..]);
        freshness.Acknowledged(orderId, customer);
        return null;
    }

    /// <summary>Latency of each kind of command in the mix, for the analysis (which kind costs what).</summary>
    private sealed class KindLatencies
    {
        private readonly ConcurrentDictionary<int, ConcurrentBag<double>> _byStep = new();

        public async Task<string?> Time(int step, Func<Task<string?>> operation)
        {
            var started = Stopwatch.GetTimestamp();
            var failure = await operation();
            if (failure is null) _byStep.GetOrAdd(step, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return failure;
        }

        public void Clear() => _byStep.Clear();

        public Dictionary<string, double> P50s(string[] names) =>
            _byStep.OrderBy(k => k.Key).ToDictionary(k => names[k.Key], k => Math.Round(k.Value.Order().ElementAt(k.Value.Count / 2), 1));
    }
}

public sealed record FreshnessResult(long Commands, long Seen, double P50, double P95, double P99, double Max,
    long Probes, double ProbeP50, double ProbeP99, long ProbeFailures);

/// <summary>
/// Two views of "how soon can I read my write": a poller that lists new read-model rows every 10 ms (every
/// HTTP command, 10 ms resolution), and every 16th command read back through GET ?minVersion=1 as a client would.
/// </summary>
public sealed class FreshnessWatch(Rig rig) : IDisposable
{
    private const int ProbeEvery = 16;
    private readonly ConcurrentDictionary<Guid, long> _acknowledged = new();
    private readonly ConcurrentDictionary<Guid, long> _seen = new();
    private readonly ConcurrentBag<Task<double?>> _probes = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _poller;
    private long _count;

    /// <summary>Counts commands only from when the rows already there are known: a command counted before that
    /// could land among them and never be seen as new.</summary>
    public async Task StartAsync()
    {
        var after = await ReadModelRows.MaxPositionAsync(rig);
        _poller = Task.Run(() => PollAsync(after, _stop.Token));
    }

    public void Acknowledged(Guid orderId, Customer customer)
    {
        if (_poller is null) return;
        var now = Stopwatch.GetTimestamp();
        _acknowledged[orderId] = now;
        if (Interlocked.Increment(ref _count) % ProbeEvery == 0) _probes.Add(ProbeAsync(orderId, customer, now));
    }

    public async Task<FreshnessResult> StopAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (_acknowledged.Keys.Any(id => !_seen.ContainsKey(id)) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        await _stop.CancelAsync();
        await _poller!;
        var lags = _acknowledged.Where(a => _seen.ContainsKey(a.Key))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, _seen[a.Key]).TotalMilliseconds)).Order().ToArray();
        var probes = (await Task.WhenAll(_probes)).ToList();
        var probed = probes.OfType<double>().Order().ToArray();
        return new FreshnessResult(_acknowledged.Count, lags.Length, At(lags, 0.5), At(lags, 0.95), At(lags, 0.99),
            lags.Length == 0 ? double.NaN : lags[^1], probes.Count, At(probed, 0.5), At(probed, 0.99), probes.Count - probed.Length);
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private async Task PollAsync(long after, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var (orderId, position) in await ReadModelRows.OrdersAfterAsync(rig, after))
            {
                _seen.TryAdd(orderId, Stopwatch.GetTimestamp());
                after = Math.Max(after, position);
            }

            try { await Task.Delay(10, stop); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task<double?> ProbeAsync(Guid orderId, Customer customer, long acknowledged)
    {
        while (Stopwatch.GetElapsedTime(acknowledged) < TimeSpan.FromSeconds(10))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{orderId}?minVersion=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
            using var response = await rig.Http.SendAsync(request);
            if (response.IsSuccessStatusCode) return Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds;
        }

        return null;
    }

    public void Dispose() => _stop.Dispose();
}
