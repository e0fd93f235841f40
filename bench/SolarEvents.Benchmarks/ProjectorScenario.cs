using System.Diagnostics;
using Marten;
using MySqlConnector;
using Npgsql;

namespace SolarEvents.Benchmarks;

public sealed record ProjectorResult(
    long Events, double SeedSeconds, double StartupSeconds, double CatchUpSeconds, double EventsPerSecond,
    double BaselineSeconds, double BaselineEventsPerSecond, double Ratio, double ReadLogSeconds, double ReadLogEventsPerSecond,
    CpuPerThousand ProjectorCpu, CpuPerThousand BaselineCpu, CpuPerThousand ReadLogCpu);

/// <summary>
/// A backlog appended while no projector runs; then the real projector process starts and is timed from its
/// first checkpoint to the head. Baseline: the rows it wrote, written again into copies of its tables with
/// multi-row INSERTs through MySqlConnector, one transaction per page of the projector's size.
/// </summary>
public static class ProjectorScenario
{
    public const string Projector = "mysql_read_models";
    private const int PageEvents = Projections.ProjectorHost.PageSize;

    public static async Task<(ProjectorResult Result, Process Projector, Dictionary<Guid, List<Guid>> OrdersByCustomer)> RunAsync(
        Rig rig, IReadOnlyList<Guid> customers)
    {
        var seeding = Stopwatch.StartNew();
        var orders = await SeedAsync(rig, customers);
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        await AnalyzeAsync(rig);
        var head = await HeadAsync(rig);
        Console.WriteLine($"backlog: {head} events in {seedSeconds:0.0} s; starting the projector");

        var started = Stopwatch.StartNew();
        var projector = StartProjector(rig.Settings.ProjectorDll);
        var first = TimeSpan.Zero;
        var from = 0L;
        var cpuAtFirst = default(CpuReading);
        while (true)
        {
            var checkpoint = await CheckpointAsync(rig);
            if (checkpoint > 0 && first == TimeSpan.Zero) (first, from, cpuAtFirst) = (started.Elapsed, checkpoint, CpuMeter.Read(projector.Id));
            if (checkpoint >= head) break;
            if (projector.HasExited) throw new InvalidOperationException("The projector exited during the backlog.");
            if (started.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException("The projector did not catch up.");
            await Task.Delay(50);
        }

        var done = started.Elapsed;
        var projectorCpu = CpuMeter.Read(projector.Id).PerThousandSince(cpuAtFirst, head - from);
        // Events/s from the first page landing to the head: process start-up and leader election are reported apart.
        var catchUp = (done - first).TotalSeconds;
        var rate = (head - from) / Math.Max(catchUp, 0.001);
        Console.WriteLine($"projector: caught up in {done.TotalSeconds:0.0} s ({rate:0} events/s); CPU per 1,000 events: {projectorCpu}");

        var (baseline, baselineCpu) = await MeasuredAsync(head, () => BaselineAsync(rig, head));
        var (readLog, readLogCpu) = await MeasuredAsync(head, () => ReadLogAsync(rig, head));
        return (new ProjectorResult(head, seedSeconds, first.TotalSeconds, catchUp, rate, baseline, head / baseline,
            rate / (head / baseline), readLog, head / readLog, projectorCpu, baselineCpu, readLogCpu), projector, orders);
    }

    /// <summary>Runs a timed part in this process and says where its CPU went, per 1,000 events.</summary>
    private static async Task<(double Seconds, CpuPerThousand Cpu)> MeasuredAsync(long events, Func<Task<double>> part)
    {
        var start = CpuMeter.Read(Environment.ProcessId);
        var seconds = await part();
        var cpu = CpuMeter.Read(Environment.ProcessId).PerThousandSince(start, events);
        Console.WriteLine($"  CPU per 1,000 events: {cpu}");
        return (seconds, cpu);
    }

    private static async Task<Dictionary<Guid, List<Guid>>> SeedAsync(Rig rig, IReadOnlyList<Guid> customers)
    {
        var orders = customers.ToDictionary(c => c, _ => new List<Guid>());
        var all = Enumerable.Range(0, rig.Settings.BacklogOrders)
            .Select(i => (Customer: customers[i % customers.Count], Order: Guid.CreateVersion7())).ToList();
        foreach (var (customer, order) in all) orders[customer].Add(order);
        await Parallel.ForEachAsync(all.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
        {
            await using var session = rig.Store.LightweightSession();
            session.LastModifiedBy = "bench-seed";
            var now = DateTimeOffset.UtcNow;
            foreach (var (customer, order) in chunk)
            {
                session.Events.StartStream<Domain.Orders.Order>(order, [.. OrderStreams.AcceptedOrder(order, customer, now, 12_000m)]);
            }

            await session.SaveChangesAsync(ct);
        });
        return orders;
    }

    /// <summary>The reading half of the projector's work on its own: the backlog through Marten in the projector's pages
    /// (query, deserialize, upcast), as the rebuild reads it.</summary>
    private static async Task<double> ReadLogAsync(Rig rig, long head)
    {
        var timer = Stopwatch.StartNew();
        var after = 0L;
        await using var session = rig.Store.QuerySession();
        while (after < head)
        {
            var page = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= head)
                .OrderBy(e => e.Sequence).Take(PageEvents).ToListAsync();
            if (page.Count == 0) break;
            after = page[^1].Sequence;
        }

        Console.WriteLine($"reading the log through Marten: {timer.Elapsed.TotalSeconds:0.0} s");
        return timer.Elapsed.TotalSeconds;
    }

    private static Process StartProjector(string dll)
    {
        // Through sh only to send its log to a file: exec leaves the projector with the process id we hold.
        var log = Environment.GetEnvironmentVariable("BENCH_PROJECTOR_LOG") is { Length: > 0 } path ? Path.GetFullPath(path) : "/dev/null";
        var info = new ProcessStartInfo("sh", ["-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", Path.GetFullPath(dll), log])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the projector.");
        // ./bench.sh stops it by this id if the client itself is interrupted.
        if (Environment.GetEnvironmentVariable("BENCH_PROJECTOR_PIDFILE") is { Length: > 0 } pidFile)
        {
            File.WriteAllText(pidFile, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return process;
    }

    /// <summary>
    /// The backlog lands in seconds on a new database, before autovacuum (which looks every minute) has counted
    /// it: the planner would still take the event log for nearly empty and read each page of the daemon's query by
    /// scanning and sorting the whole rest of the backlog (137 ms a page instead of 3 ms at 200,000 events). A store
    /// that grew to its size, or is analyzed after a bulk load, does not have that problem; this does what
    /// autovacuum would.
    /// </summary>
    private static async Task AnalyzeAsync(Rig rig)
    {
        await using var connection = new NpgsqlConnection(rig.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("ANALYZE solarevents.mt_events; ANALYZE solarevents.mt_streams", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> HeadAsync(Rig rig)
    {
        await using var connection = new NpgsqlConnection(rig.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq_id), 0) FROM solarevents.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> CheckpointAsync(Rig rig)
    {
        await using var connection = new MySqlConnection(rig.MySql);
        await connection.OpenAsync();
        await using var exists = new MySqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'projector_checkpoints'",
            connection);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        await using var command = new MySqlCommand(
            "SELECT LastSequence FROM projector_checkpoints WHERE ProjectorName = @name", connection);
        command.Parameters.AddWithValue("@name", Projector);
        return await command.ExecuteScalarAsync() is long sequence ? sequence : 0;
    }

    private static async Task<double> BaselineAsync(Rig rig, long events)
    {
        await using var connection = new MySqlConnection(rig.MySql);
        await connection.OpenAsync();
        var summaries = await BulkRows.ReadAsync(connection, "order_summaries");
        var timeline = await BulkRows.ReadAsync(connection, "timeline_entries");
        foreach (var table in new[] { "order_summaries", "timeline_entries", "projector_checkpoints" })
        {
            await BulkRows.ExecuteAsync(connection, $"DROP TABLE IF EXISTS bench_{table}");
            await BulkRows.ExecuteAsync(connection, $"CREATE TABLE bench_{table} LIKE {table}");
        }

        await BulkRows.ExecuteAsync(connection,
            "INSERT INTO bench_projector_checkpoints (ProjectorName, LastSequence, UpdatedAt) VALUES ('bench', 0, UTC_TIMESTAMP())");
        var pages = (int)Math.Ceiling((double)timeline.Rows.Count / PageEvents);
        var summariesPerPage = (int)Math.Ceiling((double)summaries.Rows.Count / Math.Max(pages, 1));
        var timer = Stopwatch.StartNew();
        for (var page = 0; page < pages; page++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await BulkRows.InsertAsync(connection, transaction, "bench_timeline_entries", timeline, page * PageEvents, PageEvents);
            await BulkRows.InsertAsync(connection, transaction, "bench_order_summaries", summaries, page * summariesPerPage, summariesPerPage);
            await using var checkpoint = new MySqlCommand(
                "UPDATE bench_projector_checkpoints SET LastSequence = @s, UpdatedAt = UTC_TIMESTAMP() WHERE ProjectorName = 'bench'",
                connection, transaction);
            checkpoint.Parameters.AddWithValue("@s", (long)page * PageEvents);
            await checkpoint.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var seconds = timer.Elapsed.TotalSeconds;
        Console.WriteLine($"baseline: {events} events' rows in {seconds:0.0} s");
        return seconds;
    }
}
