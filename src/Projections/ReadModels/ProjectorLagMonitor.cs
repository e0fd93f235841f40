using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Projections.ReadModels;

/// <summary>Publishes the projector's lag as the gauge <c>solarevents.projector.lag</c> (events behind the
/// head; read it with dotnet-counters or an OpenTelemetry exporter) and logs it when it grows.</summary>
public sealed class ProjectorLagMonitor(ReadModelLag lag, IMeterFactory meters, ILogger<ProjectorLagMonitor> logger)
    : BackgroundService
{
    public const string MeterName = "SolarEvents.Projector";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private long _lastLag;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("solarevents.projector.lag", () => Interlocked.Read(ref _lastLag), "{event}",
            "Events in the log not yet in the MySQL read models");
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var status = await lag.MeasureAsync(stoppingToken);
                Interlocked.Exchange(ref _lastLag, status.Lag);
                if (status.Lag > 1000) logger.LogWarning("Projector is {Lag} events behind", status.Lag);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not measure the projector's lag");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
