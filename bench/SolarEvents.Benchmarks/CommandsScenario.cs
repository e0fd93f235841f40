using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Identity;

namespace SolarEvents.Benchmarks;

public sealed record CommandsResult(LoadStats Http, LoadStats Bare, FreshnessResult Freshness)
{
    public double Ratio => Http.PerSecond / Bare.PerSecond;
}

/// <summary>
/// POST /api/v1/orders by 64 customers, each on new streams, against the same QuoteRequested appended through bare
/// Marten sessions (same metadata: user name, actor role header, correlation and causation ids), interleaved.
/// Every HTTP command's 2xx is timed against its row appearing in the read model (freshness).
/// </summary>
public static class CommandsScenario
{
    public static async Task<CommandsResult> RunAsync(Rig rig)
    {
        var settings = rig.Settings;
        var customers = Enumerable.Range(0, settings.Clients).Select(_ => rig.NewCustomer()).ToList();
        using var freshness = new FreshnessWatch(rig);
        var http = new LoadStats();
        var bare = new LoadStats();

        Task<string?> Http(int client) => PostAsync(rig, customers[client], freshness);
        Task<string?> Bare(int client) => AppendAsync(rig, customers[client].Id);

        // Warm both paths (JIT, pools, Wolverine's generated handler) outside the measurement.
        await Load.RunAsync(new LoadStats(), settings.Clients, TimeSpan.FromSeconds(2), Http);
        await Load.RunAsync(new LoadStats(), settings.Clients, TimeSpan.FromSeconds(2), Bare);
        freshness.Start();
        await Load.InterleaveAsync(settings.Rounds, settings.Clients, settings.Slice, (http, Http), (bare, Bare));
        var fresh = await freshness.StopAsync();
        Console.WriteLine($"commands: HTTP {http.PerSecond:0}/s p99 {http.P99:0.0} ms; bare Marten {bare.PerSecond:0}/s p99 {bare.P99:0.0} ms");
        return new CommandsResult(http, bare, fresh);
    }

    private static async Task<string?> PostAsync(Rig rig, Customer customer, FreshnessWatch freshness)
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

    private static async Task<string?> AppendAsync(Rig rig, Guid customerId)
    {
        var orderId = Guid.CreateVersion7();
        await using var session = rig.Store.LightweightSession();
        session.LastModifiedBy = customerId.ToString();
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, Roles.Customer);
        session.CorrelationId = Guid.NewGuid().ToString();
        session.CausationId = Guid.NewGuid().ToString();
        session.Events.StartStream<Domain.Orders.Order>(orderId, [.. OrderStreams.QuoteRequested(orderId, customerId, DateTimeOffset.UtcNow)]);
        await session.SaveChangesAsync();
        return null;
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

    public void Start() => _poller = Task.Run(() => PollAsync(_stop.Token));

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

    private async Task PollAsync(CancellationToken stop)
    {
        var after = await ReadModelRows.MaxPositionAsync(rig);
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
