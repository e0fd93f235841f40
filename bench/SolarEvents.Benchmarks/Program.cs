using SolarEvents.Benchmarks;

// ./bench.sh starts the databases and the API, then runs this client; it starts the projector itself, because
// the projector scenario needs a backlog written before the projector exists.
var settings = BenchSettings.Parse(args);
CpuMeter.ApiPid = settings.ApiPid;
await using var rig = Rig.Create(settings);
var report = new Report(settings);

// BENCH_ONLY=reads,commands (a development aid) runs only the named scenarios after the projector's backlog.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',', StringSplitOptions.TrimEntries);
bool Runs(string scenario) => only is null || only.Contains(scenario);

var customers = Enumerable.Range(0, settings.Clients).Select(_ => Guid.CreateVersion7()).ToList();
var (projectorResult, projector, ordersByCustomer) = await ProjectorScenario.RunAsync(rig, customers);
try
{
    report.Projector = projectorResult;
    if (Runs("commands")) report.Commands = await CommandsScenario.RunAsync(rig);
    if (Runs("contention")) report.Contention = await ContentionScenario.RunAsync(rig);
    if (Runs("reads")) report.Reads = await ReadsScenario.RunAsync(rig, ordersByCustomer);
    if (Runs("replay")) report.Replay = await ReplayScenario.RunAsync(rig);
    report.ApiPeakMiB = ProcessMemory.PeakMiB(settings.ApiPid);
    report.ProjectorPeakMiB = ProcessMemory.PeakMiB(projector.Id);
}
finally
{
    projector.Kill(entireProcessTree: true);
    await projector.WaitForExitAsync();
    projector.Dispose();
}

await report.WriteAsync();
return 0;
