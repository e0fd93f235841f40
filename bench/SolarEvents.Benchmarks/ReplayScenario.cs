using System.Diagnostics;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

public sealed record ReplayResult(int Events, double MartenMs, double MartenEventsPerSecond, double BareReadMs,
    double BareEventsPerSecond, double Ratio, decimal Paid, ChainResult Chain);

/// <summary>The compliance verifier over the whole store: every stream's hash chain, and no stream missing its head.</summary>
public sealed record ChainResult(long Events, int Streams, double Seconds, bool Intact);

/// <summary>
/// One order with 10,000 events, folded by AggregateStreamAsync (read, deserialize, upcast, the domain's Evolve),
/// against reading the same rows with bare Npgsql (no deserialization). Alternated; the median of each is reported.
/// </summary>
public static class ReplayScenario
{
    public static async Task<ReplayResult> RunAsync(Rig rig)
    {
        var id = Guid.CreateVersion7();
        var count = rig.Settings.ReplayEvents;
        var now = DateTimeOffset.UtcNow;
        var head = OrderStreams.AcceptedOrder(id, Guid.CreateVersion7(), now, 10_000_000m);
        var payments = Enumerable.Range(0, count - head.Count)
            .Select(i => OrderStreams.OneEuro(id, $"bench-{i}", now))
            .Select(pay => (object)new PaymentRecorded(id, pay.Amount, pay.Kind, pay.ProviderEventId, pay.PaidAt, now)).ToList();
        await using (var session = rig.Store.LightweightSession())
        {
            session.Events.StartStream<Order>(id, [.. head]);
            await session.SaveChangesAsync();
        }

        foreach (var chunk in payments.Chunk(1000))
        {
            await using var session = rig.Store.LightweightSession();
            session.Events.Append(id, chunk);
            await session.SaveChangesAsync();
        }

        var marten = new List<double>();
        var bare = new List<double>();
        Order? order = null;
        for (var i = 0; i < rig.Settings.ReplayIterations + 1; i++)
        {
            var timer = Stopwatch.StartNew();
            await using (var query = rig.Store.QuerySession()) order = await query.Events.AggregateStreamAsync<Order>(id);
            if (i > 0) marten.Add(timer.Elapsed.TotalMilliseconds);
            timer.Restart();
            var rows = await ReadRowsAsync(rig, id);
            if (i > 0) bare.Add(timer.Elapsed.TotalMilliseconds);
            if (rows != count) throw new InvalidOperationException($"Read {rows} rows, expected {count}.");
        }

        var martenMs = Median(marten);
        var bareMs = Median(bare);
        Console.WriteLine($"replay: AggregateStreamAsync {martenMs:0.0} ms, bare Npgsql {bareMs:0.0} ms for {count} events");
        return new ReplayResult(count, martenMs, count / (martenMs / 1000), bareMs, count / (bareMs / 1000),
            bareMs / martenMs, order!.Paid, await VerifyChainAsync(rig));
    }

    private static async Task<ChainResult> VerifyChainAsync(Rig rig)
    {
        await using var dataSource = NpgsqlDataSource.Create(rig.Postgres);
        var timer = Stopwatch.StartNew();
        var report = await new StoreVerification(new EventRows(dataSource)).VerifyAsync();
        var seconds = timer.Elapsed.TotalSeconds;
        Console.WriteLine($"hash chain: {report.Events} events in {seconds:0.0} s, intact: {report.IsIntact}");
        return new ChainResult(report.Events, report.Streams, seconds, report.IsIntact);
    }

    /// <summary>The columns Marten reads for an event, as raw values.</summary>
    private static async Task<int> ReadRowsAsync(Rig rig, Guid id)
    {
        await using var connection = new NpgsqlConnection(rig.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name " +
            "FROM solarevents.mt_events WHERE stream_id = @id ORDER BY version", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
