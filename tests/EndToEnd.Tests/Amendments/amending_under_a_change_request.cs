using System.Net;
using System.Net.Http.Json;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.EndToEnd.Tests.Amendments;

[Collection(WholeSystem.Name)]
public sealed class amending_under_a_change_request(SolarEventsApp app)
{
    private readonly Guid _agentId = Guid.CreateVersion7();
    private readonly Guid _secondAgentId = Guid.CreateVersion7();

    private HttpClient Agent => app.ClientFor(_agentId, Roles.SupportAgent);

    private HttpClient SecondAgent => app.ClientFor(_secondAgentId, Roles.SupportAgent);

    [Fact]
    public async Task rescheduling_appends_one_event_carrying_the_request_and_the_actor_and_the_request_records_it()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/orders/{orderId}/reschedule")
        {
            Content = JsonContent.Create(new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        request.Headers.Add("X-Correlation-Id", "amend-correlation-0001");
        using var response = await agent.SendAsync(request);

        var changed = await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(8, changed.GetProperty("version").GetInt64());
        Assert.Equal("\"8\"", response.Headers.ETag?.ToString());

        var amended = await AssertAmendedAsync<InstallationRescheduled>(orderId, requestId, "order.installation_rescheduled.v1");
        Assert.Equal(requestId, amended.Data.ChangeRequestId);
        Assert.Equal("amend-correlation-0001", amended.Event.CorrelationId);
    }

    [Fact]
    public async Task changing_the_system_configuration()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "ChangeSystemConfiguration");

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/system-configuration", new
        {
            changeRequestId = requestId,
            system = new { panelCount = 24, panelModel = "SunPeak 420", inverterModel = "GridMax 10K", withBattery = true },
            reason = SupportDesk.Reason,
        }, ifMatch: Streams.OrderVersion);

        await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        var amended = await AssertAmendedAsync<SystemConfigurationChanged>(orderId, requestId, "order.system_configuration_changed.v1");
        Assert.Equal(24, amended.Data.To.PanelCount);
        Assert.Equal(requestId, amended.Data.ChangeRequestId);
    }

    [Fact]
    public async Task a_price_increase_needs_no_approval()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "PriceIncrease");

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/price-adjustments", new
        {
            changeRequestId = requestId, adjustment = new { amount = 450.00m, currency = "EUR" }, reason = "Extra scaffolding is needed on site",
        }, ifMatch: Streams.OrderVersion);

        await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        var amended = await AssertAmendedAsync<PriceAdjusted>(orderId, requestId, "order.price_adjusted.v1");
        Assert.Equal(12_450m, amended.Data.NewTotal.Amount);
    }

    [Fact]
    public async Task a_price_reduction_under_an_approved_request()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        using var second = SecondAgent;
        var requestId = await agent.OpenRequestAsync(orderId, "PriceReduction");
        await second.ApproveAsync(requestId);

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/price-adjustments", new
        {
            changeRequestId = requestId, adjustment = new { amount = -500m, currency = "EUR" }, reason = "Goodwill discount for the delayed survey",
        }, ifMatch: Streams.OrderVersion);

        await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        var amended = await AssertAmendedAsync<PriceAdjusted>(orderId, requestId, "order.price_adjusted.v1");
        Assert.Equal(11_500m, amended.Data.NewTotal.Amount);
    }

    [Fact]
    public async Task cancelling_an_order_with_its_refund_decision()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "CancelOrder");

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/cancellation", new
        {
            changeRequestId = requestId, reason = "Customer is moving house and withdraws", refundDue = Streams.Paid,
        }, ifMatch: Streams.OrderVersion);

        await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        var amended = await AssertAmendedAsync<OrderCancelled>(orderId, requestId, "order.cancelled.v1");
        Assert.Equal(Streams.Paid, amended.Data.RefundDue?.Amount);
    }

    [Fact]
    public async Task refunding_under_a_request_approved_by_a_second_agent()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        using var second = SecondAgent;
        var requestId = await agent.OpenRequestAsync(orderId, "Refund");
        await second.ApproveAsync(requestId);

        using var response = await agent.PostAsync($"/api/v1/staff/orders/{orderId}/refunds", new
        {
            changeRequestId = requestId, amount = new { amount = 1_000m, currency = "EUR" }, reason = "Deposit overcharged by one thousand",
        }, ifMatch: Streams.OrderVersion);

        await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
        var amended = await AssertAmendedAsync<PaymentRefunded>(orderId, requestId, "order.payment_refunded.v1");
        Assert.Equal(1_000m, amended.Data.Amount.Amount);
    }

    [Fact]
    public async Task account_amendments_change_contact_details_suspend_and_reactivate_under_one_request()
    {
        var accountId = await app.RegisteredCustomerAsync();
        using var agent = Agent;
        using var second = SecondAgent;
        var requestId = await agent.OpenRequestAsync(accountId, "UpdateContactDetails", "SuspendAccount", "ReactivateAccount");
        await second.ApproveAsync(requestId);
        var path = $"/api/v1/staff/accounts/{accountId}";

        await SupportDesk.ExpectAsync(await agent.PostAsync(path + "/contact-details",
            new { changeRequestId = requestId, phone = "+44 20 7946 0999", address = "7 New Street, Leeds" }, ifMatch: 1), HttpStatusCode.OK);
        await SupportDesk.ExpectAsync(await agent.PostAsync(path + "/suspension",
            new { changeRequestId = requestId, reason = "Chargeback under investigation by finance" }, ifMatch: 2), HttpStatusCode.OK);
        await SupportDesk.ExpectAsync(await agent.PostAsync(path + "/reactivation",
            new { changeRequestId = requestId, reason = "Finance cleared the chargeback today" }, ifMatch: 3), HttpStatusCode.OK);

        var events = await app.ApiServices.EventsAsync(accountId);
        Assert.Equal(
            ["account.registered.v1", "account.contact_details_changed.v1", "account.suspended.v1", "account.reactivated.v1"],
            events.Select(e => e.EventTypeName));
        Assert.All(events.Skip(1), e => AssertStamped(e, requestId));
        // The event holds the new number sealed with the customer's key, never in the clear.
        var changed = (AccountContactDetailsChanged)events[1].Data;
        Assert.StartsWith("pd1.", changed.Phone, StringComparison.Ordinal);
        Assert.DoesNotContain("7946 0999", changed.Phone, StringComparison.Ordinal);
        Assert.Equal("+44 20 7946 0999", await app.ApiServices.GetRequiredService<PersonalDataKeys>().OpenAsync(changed.Phone, CancellationToken.None));
        var trail = (await app.ApiServices.EventsAsync(requestId)).Select(e => e.Data).OfType<ChangeRequestChangesApplied>().ToList();
        Assert.Equal([2L, 3L, 4L], trail.Select(t => t.TargetStreamVersion));
    }

    [Fact]
    public async Task closing_a_request_ends_its_use()
    {
        var orderId = await app.OrderReadyForInstallationAsync();
        using var agent = Agent;
        var requestId = await agent.OpenRequestAsync(orderId, "Reschedule");

        var closed = await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/change-requests/{requestId}/closure",
            new { outcome = "Customer no longer needs the change" }, ifMatch: 1), HttpStatusCode.OK);

        Assert.Equal(2, closed.GetProperty("version").GetInt64());
        Assert.IsType<ChangeRequestClosed>((await app.ApiServices.EventsAsync(requestId))[^1].Data);
    }

    private async Task<(IEvent Event, T Data)> AssertAmendedAsync<T>(Guid orderId, Guid requestId, string eventName)
    {
        var events = await app.ApiServices.EventsAsync(orderId);
        Assert.Equal(Streams.OrderVersion + 1, events.Count);
        var amendment = events[^1];
        Assert.Equal(eventName, amendment.EventTypeName);
        AssertStamped(amendment, requestId);

        var request = await app.ApiServices.EventsAsync(requestId);
        var applied = Assert.IsType<ChangeRequestChangesApplied>(request[^1].Data);
        Assert.Equal([eventName], applied.EventTypes);
        Assert.Equal(orderId, applied.TargetStreamId);
        Assert.Equal(Streams.OrderVersion + 1, applied.TargetStreamVersion);
        AssertStamped(request[^1], requestId);
        return (amendment, Assert.IsType<T>(amendment.Data));
    }

    private void AssertStamped(IEvent e, Guid requestId)
    {
        Assert.Equal(_agentId.ToString(), e.UserName);
        Assert.Equal(Roles.SupportAgent, e.GetHeader("actor_role")?.ToString());
        Assert.Equal(requestId.ToString(), e.GetHeader("change_request_id")?.ToString());
        Assert.False(string.IsNullOrEmpty(e.CorrelationId));
        Assert.False(string.IsNullOrEmpty(e.CausationId));
    }
}
