using System.Diagnostics;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// Runs the deployment's schema step, <c>dotnet SolarEvents.Api.dll migrate</c>, as its own process against test
/// databases, exactly as ./run.sh and docker-compose.yml do: as the privileged user, naming the app role's connection
/// and the hosts' MySQL accounts.
/// A separate process also keeps it clear of WebApplicationFactory, which intercepts hosts built in the test process.
/// </summary>
public static class SchemaStep
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(TestDatabases databases, params string[] arguments) =>
        RunAsAsync(databases.Postgres, databases, arguments);

    /// <summary>The step with <paramref name="postgres"/> as its PostgreSQL connection instead of the superuser's.</summary>
    public static async Task<Result> RunAsAsync(string postgres, TestDatabases databases, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["SolarEvents.Api.dll", "migrate", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Postgres"] = postgres;
        start.Environment["ConnectionStrings__PostgresApp"] = databases.PostgresApp;
        start.Environment["ConnectionStrings__MySql"] = databases.MySql;
        start.Environment["ConnectionStrings__MySqlApi"] = databases.MySqlApi;
        start.Environment["ConnectionStrings__MySqlProjector"] = databases.MySqlProjector;
        start.Environment["ReadModels__ServerVersion"] = "10.11.0-mariadb";
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new Result(process.ExitCode, await output + await errors);
    }

    /// <summary>Runs the step and fails the caller with its output unless it succeeded.</summary>
    public static async Task ApplyAsync(TestDatabases databases)
    {
        var result = await RunAsync(databases);
        if (result.ExitCode != 0) throw new InvalidOperationException($"The schema step failed ({result.ExitCode}):\n{result.Output}");
    }

    /// <summary>The dotnet host running these tests (the SDK names it in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
