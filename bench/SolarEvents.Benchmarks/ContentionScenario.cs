using System.Globalization;
using JasperFx;
using JasperFx.Events;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

public sealed record ContentionResult(LoadStats Commands, long Conflicts, long Appended, long Expected, bool Exact);

/// <summary>
/// 64 workers on 10 hot orders, each recording a payment the way a command handler does: FetchForWriting (the
/// optimistic-concurrency read), the domain's decision, SaveChanges; a lost race is counted and retried.
/// Afterwards every hot stream must hold exactly one event per successful command: none lost, none doubled.
/// </summary>
public static class ContentionScenario
{
    public static async Task<ContentionResult> RunAsync(Rig rig)
    {
        var hot = Enumerable.Range(0, BenchSettings.HotStreams).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var session = rig.Store.LightweightSession())
        {
            foreach (var id in hot) session.Events.StartStream<Order>(id, [.. OrderStreams.AcceptedOrder(id, Guid.CreateVersion7(), DateTimeOffset.UtcNow, 10_000_000m)]);
            await session.SaveChangesAsync();
        }

        long conflicts = 0;
        async Task<string?> Pay(int client)
        {
            var id = hot[client % hot.Count];
            while (true)
            {
                try
                {
                    await using var session = rig.Store.LightweightSession();
                    var stream = await session.Events.FetchForWriting<Order>(id);
                    stream.AppendMany(Order.RecordPayment(stream.Aggregate!, OrderStreams.OneEuro(id), DateTimeOffset.UtcNow).ThrowIfRejected());
                    await session.SaveChangesAsync();
                    return null;
                }
                catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
                {
                    Interlocked.Increment(ref conflicts); // what the API answers with 409; the client retries
                }
            }
        }

        var stats = new LoadStats();
        await Load.RunAsync(stats, rig.Settings.Clients, rig.Settings.ContentionTime, Pay);
        long appended = 0;
        await using (var query = rig.Store.QuerySession())
        {
            foreach (var id in hot)
            {
                var state = await query.Events.FetchStreamStateAsync(id);
                appended += state!.Version - OrderStreams.AcceptedOrder(id, id, DateTimeOffset.UtcNow, 1m).Count;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"contention: {stats.PerSecond:0}/s, {conflicts} conflicts retried, {appended} appended for {stats.Succeeded} commands"));
        return new ContentionResult(stats, conflicts, appended, stats.Succeeded, appended == stats.Succeeded);
    }
}
