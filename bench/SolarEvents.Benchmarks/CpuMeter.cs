using System.Diagnostics;
using System.Globalization;

namespace SolarEvents.Benchmarks;

/// <summary>
/// CPU time used by the API process (utime + stime from /proc/&lt;pid&gt;/stat) and by this client, so a slice can
/// say how many CPU milliseconds each operation cost in each process: on a shared 2-core machine that is steadier
/// than wall-clock time, and it tells which process spends what.
/// </summary>
public static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static int ApiPid { get; set; }

    public static (TimeSpan Api, TimeSpan Client) Now() => (Of(ApiPid), Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>CPU time of every live process with this command name: the database servers' backends.</summary>
    public static TimeSpan OfAll(string command) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandOf(pid) == command)
            .Aggregate(TimeSpan.Zero, (sum, pid) => sum + Of(pid));

    /// <summary>Where the CPU went, as a reading to subtract from a later one.</summary>
    public static CpuReading Read(int processPid) =>
        new(Of(processPid), OfAll("postgres"), OfAll("mariadbd"));

    private static string? CommandOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }

    private static TimeSpan Of(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (pid == 0 || !File.Exists(stat)) return TimeSpan.Zero;
        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return TimeSpan.Zero; // exited meanwhile
        }

        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>CPU time of one process of ours and of the two database servers.</summary>
public readonly record struct CpuReading(TimeSpan Process, TimeSpan Postgres, TimeSpan MariaDb)
{
    /// <summary>CPU milliseconds per 1,000 events between two readings.</summary>
    public CpuPerThousand PerThousandSince(CpuReading start, long events)
    {
        double Per(TimeSpan spent) => Math.Round(spent.TotalMilliseconds * 1000 / Math.Max(events, 1), 1);
        return new CpuPerThousand(Per(Process - start.Process), Per(Postgres - start.Postgres), Per(MariaDb - start.MariaDb));
    }
}

/// <summary>CPU milliseconds per 1,000 events: in our process (projector or bench client), PostgreSQL, MariaDB.</summary>
public sealed record CpuPerThousand(double Process, double Postgres, double MariaDb)
{
    public override string ToString() =>
        $"{Process:0} ms in process, {Postgres:0} ms PostgreSQL, {MariaDb:0} ms MariaDB";
}
