using System.Collections.Concurrent;
using System.Globalization;
using JasperFx;
using JasperFx.Events;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

/// <summary>One side of the contention scenario: its commands, the lost races its clients retried, and whether its
/// hot streams hold exactly one event per success.</summary>
public sealed record ContentionSide(LoadStats Commands, long Conflicts, long Appended, bool Exact);

public sealed record ContentionResult(ContentionSide Http, ContentionSide Bare)
{
    public double Ratio => Http.Commands.PerSecond / Bare.Commands.PerSecond;
}

/// <summary>
/// 64 support agents on 10 hot orders, each raising the price by 1 EUR under their own change request (so the
/// only contention is on the order). A client sends the version it last saw (If-Match); a lost race is a 409
/// carrying the current version, counted and retried at that version with a new Idempotency-Key. The baseline does
/// the same through bare Marten (<see cref="BareCommands.AmendAsync"/>), on its own 10 hot orders, interleaved.
/// Afterwards each side's hot streams must hold exactly one event per success, and every success must have been
/// answered with a distinct version: none lost, none doubled.
/// </summary>
public static class ContentionScenario
{
    public static async Task<ContentionResult> RunAsync(Rig rig)
    {
        var settings = rig.Settings;
        var agents = await rig.NewUsersAsync(settings.Clients, Roles.SupportAgent);
        var http = await HotAsync(rig, agents, viaHttp: true);
        var bare = await HotAsync(rig, agents, viaHttp: false);

        Task<string?> Http(int client) => http.CommandAsync(client, async (agent, order, request, version) =>
            await StaffDesk.PostAsync(rig, agent, $"/api/v1/staff/orders/{order}/price-adjustments", StaffDesk.PriceIncreaseBody(request), version));
        Task<string?> Bare(int client) => bare.CommandAsync(client, async (agent, order, request, version) =>
        {
            try
            {
                return new StaffDesk.Answer(await BareCommands.AmendAsync(rig, agent.Id, order, version, request, ChangeCategory.PriceIncrease,
                    (o, now) => Order.AdjustPrice(o, new AdjustPrice(order, new Domain.Common.Money(1m, "EUR"), StaffDesk.Reason, request), now)), null);
            }
            catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
            {
                // What the API answers with a 409 and the stream's current version.
                await using var query = rig.Store.QuerySession();
                return new StaffDesk.Answer(-(await query.Events.FetchStreamStateAsync(order))!.Version, null);
            }
        });

        await Load.RunAsync(new LoadStats(), settings.Clients, TimeSpan.FromSeconds(1), Http);
        await Load.RunAsync(new LoadStats(), settings.Clients, TimeSpan.FromSeconds(1), Bare);
        await http.ResetAsync(rig);
        await bare.ResetAsync(rig);
        await Load.InterleaveAsync(settings.ContentionRounds, settings.Clients, settings.Slice, (http.Stats, Http), (bare.Stats, Bare));
        var result = new ContentionResult(await http.VerifyAsync(rig), await bare.VerifyAsync(rig));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"contention: HTTP {result.Http.Commands.PerSecond:0}/s ({result.Http.Conflicts} 409s retried), bare {result.Bare.Commands.PerSecond:0}/s ({result.Bare.Conflicts} conflicts retried)"));
        return result;
    }

    private static async Task<Hot> HotAsync(Rig rig, List<Customer> agents, bool viaHttp)
    {
        var orders = Enumerable.Range(0, BenchSettings.HotStreams).Select(_ => Guid.CreateVersion7()).ToList();
        await BareCommands.SeedReadyOrdersAsync(rig, orders);
        var requests = new Guid[agents.Count];
        for (var client = 0; client < agents.Count; client++)
        {
            var order = orders[client % orders.Count];
            if (viaHttp)
            {
                var (id, failure) = await StaffDesk.OpenAsync(rig, agents[client], order, ChangeCategory.PriceIncrease);
                requests[client] = failure is null ? id : throw new InvalidOperationException($"Opening a request failed: {failure}");
            }
            else
            {
                requests[client] = await BareCommands.OpenAsync(rig, agents[client].Id, order, ChangeCategory.PriceIncrease);
            }
        }

        return new Hot(orders, agents, requests);
    }

    /// <summary>One side's hot orders, the version each client last saw of them, and every version a success was
    /// answered with.</summary>
    private sealed class Hot(List<Guid> orders, List<Customer> agents, Guid[] requests)
    {
        private readonly long[] _seen = orders.Select(_ => OrderStreams.ReadyVersion).ToArray();
        private ConcurrentBag<(int Order, long Version)> _answered = [];
        private long _conflicts;

        public LoadStats Stats { get; private set; } = new();

        /// <summary>Starts counting afresh after the warm-up, from the versions the streams have now.</summary>
        public async Task ResetAsync(Rig rig)
        {
            Stats = new LoadStats();
            _answered = [];
            _conflicts = 0;
            await using var query = rig.Store.QuerySession();
            _start = new long[orders.Count];
            for (var index = 0; index < orders.Count; index++) _start[index] = (await query.Events.FetchStreamStateAsync(orders[index]))!.Version;
        }

        private long[] _start = [];

        public async Task<string?> CommandAsync(int client, Func<Customer, Guid, Guid, long, Task<StaffDesk.Answer>> send)
        {
            var index = client % orders.Count;
            var version = Volatile.Read(ref _seen[index]);
            while (true)
            {
                var answer = await send(agents[client], orders[index], requests[client], version);
                if (answer.Failure is not null) return answer.Failure;
                if (!answer.Conflict)
                {
                    _answered.Add((index, answer.Version));
                    See(index, answer.Version);
                    return null;
                }

                Interlocked.Increment(ref _conflicts);
                version = -answer.Version;
                See(index, version);
            }
        }

        private void See(int index, long version)
        {
            var seen = Volatile.Read(ref _seen[index]);
            while (version > seen && Interlocked.CompareExchange(ref _seen[index], version, seen) != seen) seen = Volatile.Read(ref _seen[index]);
        }

        /// <summary>Each stream must have grown by exactly its successes, each success must name a version of its
        /// own, and those versions must be exactly the new ones.</summary>
        public async Task<ContentionSide> VerifyAsync(Rig rig)
        {
            long appended = 0;
            var exact = true;
            await using var query = rig.Store.QuerySession();
            for (var index = 0; index < orders.Count; index++)
            {
                var version = (await query.Events.FetchStreamStateAsync(orders[index]))!.Version;
                var answered = _answered.Where(a => a.Order == index).Select(a => a.Version).Order().ToList();
                var expected = Enumerable.Range(1, (int)(version - _start[index])).Select(i => _start[index] + i);
                appended += version - _start[index];
                exact &= answered.SequenceEqual(expected);
            }

            return new ContentionSide(Stats, Interlocked.Read(ref _conflicts), appended, exact && appended == Stats.Succeeded);
        }
    }
}
