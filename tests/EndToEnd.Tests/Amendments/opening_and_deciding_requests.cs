using System.Net;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Amendments;

[Collection(WholeSystem.Name)]
public sealed class opening_and_deciding_requests(SolarEventsApp app)
{
    private readonly Guid _agentId = Guid.CreateVersion7();

    private HttpClient Agent => app.ClientFor(_agentId, Roles.SupportAgent);

    [Fact]
    public async Task an_agent_opens_a_request_with_its_reason_and_contact_reference()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;

        using var response = await agent.PostAsync("/api/v1/staff/change-requests", SupportDesk.OpenBody(orderId, SupportDesk.Reason, "CALL-2026-0042", "Reschedule", "Refund"));

        var created = await SupportDesk.ExpectAsync(response, HttpStatusCode.Created);
        var requestId = created.GetProperty("streamId").GetGuid();
        Assert.Equal($"/api/v1/staff/change-requests/{requestId}/trail", response.Headers.Location?.OriginalString);
        var opened = Assert.IsType<ChangeRequestOpened>(Assert.Single(await app.ApiServices.EventsAsync(requestId)).Data);
        Assert.Equal((_agentId, orderId, "CALL-2026-0042"), (opened.OpenedBy, opened.TargetStreamId, opened.CustomerContactReference));
        Assert.Equal([ChangeCategory.Reschedule, ChangeCategory.Refund], opened.Categories);
        Assert.InRange(opened.ExpiresAt - opened.OpenedAt, TimeSpan.FromHours(47), TimeSpan.FromHours(49));
    }

    [Theory]
    [InlineData("fix")]
    [InlineData("fix fix fix fix fix fix fix fix")]
    [InlineData("asdfghjklqwertzuiopyxcvbnm")]
    public async Task a_request_needs_a_real_reason(string reason)
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;

        using var response = await agent.PostAsync("/api/v1/staff/change-requests", SupportDesk.OpenBody(orderId, reason, "TICKET-1", "Reschedule"));

        var problem = await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Reason", out _));
    }

    [Fact]
    public async Task a_request_for_an_unknown_stream_or_a_category_that_does_not_fit_is_refused()
    {
        var accountId = await app.RegisteredCustomerAsync();
        using var agent = Agent;

        await SupportDesk.ExpectProblemAsync(await agent.PostAsync("/api/v1/staff/change-requests", SupportDesk.OpenBody(Guid.CreateVersion7(), SupportDesk.Reason, "TICKET-2", "Reschedule")), HttpStatusCode.Conflict, "rule:request-target-unknown");
        await SupportDesk.ExpectProblemAsync(await agent.PostAsync("/api/v1/staff/change-requests", SupportDesk.OpenBody(accountId, SupportDesk.Reason, "TICKET-3", "Refund")), HttpStatusCode.Conflict, "rule:request-category-not-applicable");
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Admin)]
    public async Task only_support_agents_open_requests(string role)
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var client = app.ClientFor(Guid.CreateVersion7(), role);

        await SupportDesk.ExpectProblemAsync(await client.PostAsync("/api/v1/staff/change-requests", SupportDesk.OpenBody(orderId, SupportDesk.Reason, "TICKET-4", "Reschedule")), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task nobody_approves_their_own_request()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Refund");

        await SupportDesk.ExpectProblemAsync(await agent.PostAsync($"/api/v1/staff/change-requests/{requestId}/approval", new { comment = "" }),
            HttpStatusCode.Conflict, "rule:request-self-approval");

        Assert.Single(await app.ApiServices.EventsAsync(requestId));
    }

    [Fact]
    public async Task an_admin_may_approve_and_a_request_is_decided_once()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Refund");
        var adminId = Guid.CreateVersion7();
        using var admin = app.ClientFor(adminId, Roles.Admin);

        await admin.ApproveAsync(requestId);
        using var second = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        await SupportDesk.ExpectProblemAsync(await second.PostAsync($"/api/v1/staff/change-requests/{requestId}/rejection",
            new { reason = "Too late, the refund is not warranted" }), HttpStatusCode.Conflict, "rule:request-already-decided");

        var approved = Assert.IsType<ChangeRequestApproved>((await app.ApiServices.EventsAsync(requestId))[^1].Data);
        Assert.Equal(adminId, approved.ApprovedBy);
    }

    [Fact]
    public async Task only_the_opener_closes_a_request()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        using var other = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);

        await SupportDesk.ExpectProblemAsync(await other.PostAsync($"/api/v1/staff/change-requests/{requestId}/closure",
            new { outcome = "Closing it for you" }), HttpStatusCode.Conflict, "rule:request-close-not-owned");
    }

    [Fact]
    public async Task the_trail_shows_who_opened_who_approved_and_what_changed()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var approverId = Guid.CreateVersion7();
        using var approver = app.ClientFor(approverId, Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "Refund");
        await approver.ApproveAsync(requestId);
        await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/orders/{orderId}/refunds", new
        {
            changeRequestId = requestId, amount = new { amount = 250m, currency = "EUR" }, reason = "Survey fee refunded as promised",
        }, ifMatch: Streams.OrderVersion), HttpStatusCode.OK);

        using var document = await Eventually.Until(async () =>
        {
            using var read = await agent.GetAsync($"/api/v1/staff/change-requests/{requestId}/trail");
            if (read.StatusCode != HttpStatusCode.OK) return null;
            var json = System.Text.Json.JsonDocument.Parse(await read.Content.ReadAsStringAsync());
            if (json.RootElement.GetProperty("events").GetArrayLength() == 4) return json;
            json.Dispose();
            return null;
        }, what: "the request trail");
        var trail = document.RootElement;

        var request = trail.GetProperty("request");
        Assert.Equal(_agentId, request.GetProperty("openedBy").GetGuid());
        Assert.Equal(approverId, request.GetProperty("decidedBy").GetGuid());
        Assert.Equal(1, request.GetProperty("appliedChanges").GetInt32());
        var events = trail.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(
            ["change_request.opened.v1", "change_request.approved.v1", "order.payment_refunded.v1", "change_request.changes_applied.v1"],
            events.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(approverId.ToString(), events[1].GetProperty("actorId").GetString());
        Assert.Equal(requestId, events[2].GetProperty("changeRequestId").GetGuid());

        using var orderTrail = await agent.GetJsonAsync($"/api/v1/staff/orders/{orderId}/change-requests");
        var only = Assert.Single(orderTrail.RootElement.EnumerateArray());
        Assert.Equal(4, only.GetProperty("events").GetArrayLength());

        using var queue = await agent.GetJsonAsync("/api/v1/staff/change-requests?status=Approved&limit=100");
        Assert.Contains(queue.RootElement.GetProperty("items").EnumerateArray(), item => item.GetProperty("requestId").GetGuid() == requestId);
    }
}
