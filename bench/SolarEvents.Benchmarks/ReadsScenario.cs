using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SolarEvents.Application.Identity;

namespace SolarEvents.Benchmarks;

/// <summary>Order detail over HTTP and through bare EF Core; <c>Floor</c> is GET /health/live, the HTTP pipeline
/// alone (middleware, request log) without a token or a query.</summary>
public sealed record ReadsResult(LoadStats Http, LoadStats Bare, LoadStats Floor)
{
    public double Ratio => Http.PerSecond / Bare.PerSecond;
}

/// <summary>GET /api/v1/orders/{id} by 64 customers on their own backlog orders, against the same two queries on a
/// bare EF Core context in this process, interleaved.</summary>
public static class ReadsScenario
{
    public static async Task<ReadsResult> RunAsync(Rig rig, Dictionary<Guid, List<Guid>> ordersByCustomer)
    {
        var settings = rig.Settings;
        var customers = await rig.UsersAsync(ordersByCustomer.Keys.Take(settings.Clients), Roles.Customer);
        var next = new int[customers.Count];
        Guid NextOrder(int client)
        {
            var orders = ordersByCustomer[customers[client].Id];
            return orders[next[client]++ % orders.Count];
        }

        async Task<string?> Http(int client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{NextOrder(client)}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customers[client].Token);
            using var response = await rig.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) return "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            await response.Content.ReadAsByteArrayAsync();
            return null;
        }

        Task<string?> Bare(int client) => ReadModelRows.OrderDetailAsync(rig, NextOrder(client), customers[client].Id);

        await Load.RunAsync(new LoadStats(), settings.Clients, settings.Warmup, Http);
        await Load.RunAsync(new LoadStats(), settings.Clients, settings.Warmup, Bare);
        var http = new LoadStats();
        var bare = new LoadStats();
        await Load.InterleaveAsync(settings.Rounds, settings.Clients, settings.Slice, (http, Http), (bare, Bare));
        var floor = new LoadStats();
        await Load.RunAsync(floor, settings.Clients, settings.Slice, async _ =>
        {
            using var response = await rig.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
            return response.IsSuccessStatusCode ? null : "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        });
        Console.WriteLine($"reads: HTTP {http.PerSecond:0}/s p99 {http.P99:0.0} ms; bare EF Core {bare.PerSecond:0}/s p99 {bare.P99:0.0} ms");
        return new ReadsResult(http, bare, floor);
    }
}
