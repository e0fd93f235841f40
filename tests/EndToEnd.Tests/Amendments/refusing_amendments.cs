using System.Net;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>Every refusal names its reason in the problem type, and appends nothing to the order or the request.</summary>
[Collection(WholeSystem.Name)]
public sealed class refusing_amendments(SolarEventsApp app)
{
    private readonly Guid _agentId = Guid.CreateVersion7();

    private HttpClient Agent => app.ClientFor(_agentId, Roles.SupportAgent);

    [Fact]
    public async Task amending_without_a_request_is_a_validation_error()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;

        var problem = await RefusedAsync(agent, orderId, requestId: null, HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty("ChangeRequestId", out _));
    }

    [Fact]
    public async Task amending_under_an_unknown_request_is_refused() =>
        await RefusedAsync(Agent, await app.OrderReadyForInstallationAsync(), Guid.CreateVersion7(),
            HttpStatusCode.Conflict, "rule:request-unknown");

    [Fact]
    public async Task amending_under_a_closed_request_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/change-requests/{requestId}/closure",
            new { outcome = "Done by phone instead" }), HttpStatusCode.OK);

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-closed");
    }

    [Fact]
    public async Task amending_under_an_expired_request_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        await app.ApiServices.ExpireAsync(requestId);

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-expired");
    }

    [Fact]
    public async Task amending_under_a_rejected_request_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        using var reviewer = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        await SupportDesk.ExpectAsync(await reviewer.PostAsync($"/api/v1/staff/change-requests/{requestId}/rejection",
            new { reason = "The crew calendar cannot move that week" }), HttpStatusCode.OK);

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-rejected");
    }

    [Fact]
    public async Task a_refund_under_an_unapproved_request_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Refund");

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-not-approved", refund: true);
    }

    [Fact]
    public async Task a_request_for_another_order_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        var otherOrderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(otherOrderId, "Reschedule");

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-wrong-target");
    }

    [Fact]
    public async Task a_request_for_another_kind_of_change_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "ChangeSystemConfiguration");

        await RefusedAsync(agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-category-not-covered");
    }

    [Fact]
    public async Task another_agents_request_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var opener = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await opener.OpenRequestAsync(orderId, "Reschedule");

        await RefusedAsync(Agent, orderId, requestId, HttpStatusCode.Conflict, "rule:request-not-owned");
    }

    [Fact]
    public async Task an_amendment_without_if_match_is_refused()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");

        await RefusedAsync(agent, orderId, requestId, (HttpStatusCode)428, "precondition-required", ifMatch: null);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Admin)]
    public async Task only_support_agents_amend(string role)
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");

        await RefusedAsync(app.ClientFor(_agentId, role), orderId, requestId, HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<System.Text.Json.JsonElement> RefusedAsync(
        HttpClient client, Guid orderId, Guid? requestId, HttpStatusCode status, string type, bool refund = false,
        long? ifMatch = Streams.OrderVersion)
    {
        var requestVersion = requestId is { } id ? (await app.ApiServices.EventsAsync(id)).Count : 0;
        using var response = refund
            ? await client.PostAsync($"/api/v1/staff/orders/{orderId}/refunds", new
            {
                changeRequestId = requestId, amount = new { amount = 100m, currency = "EUR" }, reason = "Refund the survey fee please",
            }, ifMatch)
            : await client.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule", new
            {
                changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason,
            }, ifMatch);

        var problem = await SupportDesk.ExpectProblemAsync(response, status, type);
        Assert.Equal(Streams.OrderVersion, (await app.ApiServices.EventsAsync(orderId)).Count);
        if (requestId is { } request) Assert.Equal(requestVersion, (await app.ApiServices.EventsAsync(request)).Count);
        return problem;
    }
}
