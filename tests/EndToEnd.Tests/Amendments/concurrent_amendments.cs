using System.Net;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.EndToEnd.Tests.Amendments;

[Collection(WholeSystem.Name)]
public sealed class concurrent_amendments(SolarEventsApp app)
{
    [Fact]
    public async Task two_agents_amending_the_same_order_at_once_one_wins_and_the_other_gets_409_with_the_current_version()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var first = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using var second = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var firstRequest = await first.OpenRequestAsync(orderId, "Reschedule");
        var secondRequest = await second.OpenRequestAsync(orderId, "Reschedule");

        var responses = await Task.WhenAll(
            first.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
                new { changeRequestId = firstRequest, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason }, Streams.OrderVersion),
            second.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
                new { changeRequestId = secondRequest, window = SupportDesk.Window(40, 41), reason = SupportDesk.Reason }, Streams.OrderVersion));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await SupportDesk.ExpectProblemAsync(loser, HttpStatusCode.Conflict, "concurrency-conflict");
        Assert.Equal(Streams.OrderVersion + 1, problem.GetProperty("currentVersion").GetInt64());

        var events = await app.ApiServices.EventsAsync(orderId);
        Assert.Equal(Streams.OrderVersion + 1, events.Count);
        var winnerRequest = responses[0].StatusCode == HttpStatusCode.OK ? firstRequest : secondRequest;
        var loserRequest = winnerRequest == firstRequest ? secondRequest : firstRequest;
        Assert.Single(await app.ApiServices.EventsAsync(winnerRequest), e => e.Data is ChangeRequestChangesApplied);
        Assert.DoesNotContain(await app.ApiServices.EventsAsync(loserRequest), e => e.Data is ChangeRequestChangesApplied);
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task an_amendment_based_on_a_stale_version_gets_409_with_the_current_version()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
            new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason }, ifMatch: 5);

        var problem = await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.Conflict, "concurrency-conflict");
        Assert.Equal(Streams.OrderVersion, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(Streams.OrderVersion, (await app.ApiServices.EventsAsync(orderId)).Count);
    }
}
