using System.Globalization;

namespace SolarEvents.Benchmarks;

/// <summary>Peak resident set (VmHWM in /proc/&lt;pid&gt;/status), in MiB; the kernel keeps the high-water mark.</summary>
public static class ProcessMemory
{
    public static double? PeakMiB(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null) return null;
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return Math.Round(kb / 1024.0, 1);
    }
}
