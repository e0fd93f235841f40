using SolarEvents.Benchmarks;

// ./bench.sh starts the databases and the API, then runs this client; it starts the projector itself, because
// the projector scenario needs a backlog written before the projector exists.
var settings = BenchSettings.Parse(args);
CpuMeter.ApiPid = settings.ApiPid;
await using var rig = Rig.Create(settings);
var report = new Report(settings);

var customers = Enumerable.Range(0, settings.Clients).Select(_ => Guid.CreateVersion7()).ToList();
var (projectorResult, projector, ordersByCustomer) = await ProjectorScenario.RunAsync(rig, customers);
try
{
    report.Projector = projectorResult;
    report.Commands = await CommandsScenario.RunAsync(rig);
    report.Contention = await ContentionScenario.RunAsync(rig);
    report.Reads = await ReadsScenario.RunAsync(rig, ordersByCustomer);
    report.Replay = await ReplayScenario.RunAsync(rig);
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
