using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.EndToEnd.Tests.Amendments;

[Collection(WholeSystem.Name)]
public sealed class idempotent_retries(SolarEventsApp app)
{
    [Fact]
    public async Task a_retried_amendment_returns_the_first_answer_and_appends_nothing()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        var body = new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason };
        var key = Guid.NewGuid().ToString();

        using var first = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule", body, Streams.OrderVersion, key);
        using var retry = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule", body, Streams.OrderVersion, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(Streams.OrderVersion + 1, (await app.ApiServices.EventsAsync(orderId)).Count);
        Assert.Equal(2, (await app.ApiServices.EventsAsync(requestId)).Count);
    }

    [Fact]
    public async Task a_retried_open_returns_the_same_request_and_opens_one()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var body = SupportDesk.OpenBody(orderId, SupportDesk.Reason, "TICKET-9", "Reschedule");
        var key = Guid.NewGuid().ToString();

        var first = await SupportDesk.ExpectAsync(await agent.PostAsync("/api/v1/staff/change-requests", body, idempotencyKey: key), HttpStatusCode.Created);
        var retry = await SupportDesk.ExpectAsync(await agent.PostAsync("/api/v1/staff/change-requests", body, idempotencyKey: key), HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("streamId").GetGuid(), retry.GetProperty("streamId").GetGuid());
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var opened = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "change_request.opened.v1").ToListAsync();
        Assert.Single(opened, e => ((ChangeRequestOpened)e.Data).TargetStreamId == orderId);
    }

    [Fact]
    public async Task twin_retries_racing_each_other_append_once_and_get_the_same_answer()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        var body = new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason };
        var key = Guid.NewGuid().ToString();

        var twins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule", body, Streams.OrderVersion, key)));

        Assert.All(twins, twin => Assert.Equal(HttpStatusCode.OK, twin.StatusCode));
        var bodies = await Task.WhenAll(twins.Select(twin => twin.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(Streams.OrderVersion + 1, (await app.ApiServices.EventsAsync(orderId)).Count);
        foreach (var twin in twins) twin.Dispose();
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_a_422()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        var key = Guid.NewGuid().ToString();
        await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
            new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason }, Streams.OrderVersion, key), HttpStatusCode.OK);

        using var reused = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
            new { changeRequestId = requestId, window = SupportDesk.Window(50, 51), reason = SupportDesk.Reason }, Streams.OrderVersion + 1, key);

        await SupportDesk.ExpectProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(Streams.OrderVersion + 1, (await app.ApiServices.EventsAsync(orderId)).Count);
    }

    [Fact]
    public async Task a_post_without_a_key_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);

        using var response = await agent.PostAsync("/api/v1/staff/change-requests",
            SupportDesk.OpenBody(orderId, SupportDesk.Reason, "TICKET-10", "Reschedule"),
            idempotencyKey: "");

        await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-required");
    }
}
