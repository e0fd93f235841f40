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

    private static TimeSpan Of(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (pid == 0 || !File.Exists(stat)) return TimeSpan.Zero;
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
