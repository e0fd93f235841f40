using System.Diagnostics;

namespace SolarEvents.Benchmarks;

/// <summary>Throughput and latency of one kind of operation, merged over every slice it ran in.</summary>
public sealed class LoadStats
{
    private readonly List<double> _latenciesMs = [];

    public long Succeeded { get; private set; }

    public long Failed { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public Dictionary<string, long> Failures { get; } = [];

    public double PerSecond => Elapsed.TotalSeconds > 0 ? Succeeded / Elapsed.TotalSeconds : 0;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public IReadOnlyList<double> Latencies => _latenciesMs;

    public TimeSpan ApiCpu { get; private set; }

    public TimeSpan ClientCpu { get; private set; }

    /// <summary>CPU milliseconds per successful operation in the API process and in this client.</summary>
    public double ApiCpuMsPerOp => Succeeded > 0 ? ApiCpu.TotalMilliseconds / Succeeded : 0;

    public double ClientCpuMsPerOp => Succeeded > 0 ? ClientCpu.TotalMilliseconds / Succeeded : 0;

    public void Add(TimeSpan elapsed, (TimeSpan Api, TimeSpan Client) cpu, IEnumerable<double> latenciesMs, long failed, IEnumerable<string> failures)
    {
        lock (_latenciesMs)
        {
            Elapsed += elapsed;
            ApiCpu += cpu.Api;
            ClientCpu += cpu.Client;
            var before = _latenciesMs.Count;
            _latenciesMs.AddRange(latenciesMs);
            Succeeded += _latenciesMs.Count - before;
            Failed += failed;
            foreach (var failure in failures) Failures[failure] = Failures.GetValueOrDefault(failure) + 1;
            _sorted = null;
        }
    }

    private double[]? _sorted;

    public double Percentile(double p)
    {
        lock (_latenciesMs)
        {
            if (_latenciesMs.Count == 0) return double.NaN;
            _sorted ??= [.. _latenciesMs.Order()];
            return _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];
        }
    }
}

/// <summary>
/// Closed-loop load: <c>clients</c> workers each run the operation back to back until the slice ends.
/// An operation returns null on success, or a short failure label.
/// </summary>
public static class Load
{
    public static async Task RunAsync(LoadStats into, int clients, TimeSpan slice, Func<int, Task<string?>> operation)
    {
        var cpu = CpuMeter.Now();
        var total = Stopwatch.StartNew();
        var deadline = slice;
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var failures = new List<string>();
            while (total.Elapsed < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(client);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failure = e.GetType().Name;
                }

                if (failure is null) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else failures.Add(failure);
            }

            return (latencies, failures);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var cpuAfter = CpuMeter.Now();
        into.Add(total.Elapsed, (cpuAfter.Api - cpu.Api, cpuAfter.Client - cpu.Client), results.SelectMany(r => r.latencies), results.Sum(r => r.failures.Count),
            results.SelectMany(r => r.failures));
    }

    /// <summary>Runs two operations in alternating slices (A, B, B, A, A, B, ...) so machine noise hits both alike.</summary>
    public static async Task InterleaveAsync(int rounds, int clients, TimeSpan slice,
        (LoadStats Stats, Func<int, Task<string?>> Operation) a, (LoadStats Stats, Func<int, Task<string?>> Operation) b)
    {
        for (var round = 0; round < rounds; round++)
        {
            var (first, second) = round % 2 == 0 ? (a, b) : (b, a);
            await RunAsync(first.Stats, clients, slice, first.Operation);
            await RunAsync(second.Stats, clients, slice, second.Operation);
        }
    }
}
