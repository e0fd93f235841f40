using System.Diagnostics;

namespace SolarEvents.Projections.Tests;

/// <summary>The projector as its own OS process (the build's SolarEvents.Projections.dll), so a test can kill
/// it with SIGKILL at any instruction, mid-batch included.</summary>
public sealed class ProjectorProcess : IDisposable
{
    private readonly Process _process;

    private ProjectorProcess(Process process) => _process = process;

    public static ProjectorProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", [ProjectorDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The projector did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProjectorProcess(process);
    }

    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>src/Projections/bin/&lt;same configuration as these tests&gt;/net10.0/SolarEvents.Projections.dll.</summary>
    private static string ProjectorDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SolarEvents.sln"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."),
            "src", "Projections", "bin", configuration, testBin.Name, "SolarEvents.Projections.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first.", dll);
    }
}
