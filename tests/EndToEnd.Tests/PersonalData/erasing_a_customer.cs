using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

[Collection(WholeSystem.Name)]
public sealed class erasing_a_customer(SolarEventsApp app)
{
    [Fact]
    public async Task an_approved_erasure_makes_the_data_unreadable_everywhere_while_history_replays_verifies_and_keeps_the_orders()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        Guid orderId;
        using (var signedIn = await customer.SignInAsync(app)) orderId = await signedIn.RequestQuoteAsync();
        var (agent, colleague, compliance) = (Staff(Roles.SupportAgent), Staff(Roles.SupportAgent), Staff(Roles.Compliance));
        var requestId = await agent.OpenRequestAsync(customer.Id, "ErasePersonalData");
        await colleague.ApproveAsync(requestId);

        using var erased = await compliance.PostAsync($"/api/v1/staff/accounts/{customer.Id}/erasure", new { changeRequestId = requestId }, ifMatch: 1);
        Assert.Equal(3, (await SupportDesk.ExpectAsync(erased, HttpStatusCode.OK)).GetProperty("version").GetInt64());

        // Read models: the account shows as erased, with nothing left to show or to find it by.
        // Until the projector has caught up, the row is missing or still holds envelopes whose key is gone: 404 or 410,
        // never the data.
        using var view = await Eventually.Until(async () =>
        {
            using var response = await agent.GetAsync($"/api/v1/staff/accounts/{customer.Id}");
            if (response.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound) return null;
            var account = await SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
            return account.GetProperty("personalDataErased").GetBoolean() ? JsonDocument.Parse(account.GetRawText()) : null;
        }, what: "the erased account view");
        Assert.Equal(JsonValueKind.Null, view.RootElement.GetProperty("contact").ValueKind);
        Assert.Equal(0, (await agent.SearchAsync(new { email = customer.Email })).GetArrayLength());

        // History: every event is still there and replays; its envelopes no longer open; the chain still verifies.
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(customer.Id);
        Assert.Equal(["AccountRegistered", "AccountClosed", "AccountPersonalDataErased"], events.Select(e => e.Data.GetType().Name));
        Assert.Equal(AccountStatus.Erased, (await session.Events.AggregateStreamAsync<Account>(customer.Id))!.Status);
        var registered = (AccountRegistered)events[0].Data;
        var keys = app.ApiServices.GetRequiredService<PersonalDataKeys>();
        foreach (var envelope in new[] { registered.Email, registered.Name, registered.Phone, registered.Address })
        {
            var unreadable = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => keys.OpenAsync(envelope, CancellationToken.None));
            Assert.Equal(PersonalDataFault.Erased, unreadable.Fault);
        }

        using (var verification = await compliance.PostAsync("/api/v1/compliance/verification", new { }))
            Assert.True((await SupportDesk.ExpectAsync(verification, HttpStatusCode.OK)).GetProperty("intact").GetBoolean());
        using (var order = await agent.GetJsonAsync($"/api/v1/staff/orders/{orderId}"))
            Assert.Equal(customer.Id, order.RootElement.GetProperty("customerId").GetGuid());

        // The customer can no longer sign in, and the request trail names the erasure.
        using var anonymous = app.Client();
        using var signIn = await Identity.RequestTokenAsync(anonymous, new { email = customer.Email, password = customer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        using var amendments = await compliance.GetJsonAsync($"/api/v1/compliance/change-requests/{requestId}/amendments");
        Assert.Contains("account.personal_data_erased.v1", amendments.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await RawTables.FindAsync(app, customer.Secrets));
    }

    [Fact]
    public async Task erasure_needs_an_approved_request_and_someone_other_than_the_agent_who_asked()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        var agentId = Guid.CreateVersion7();
        using var agent = app.ClientFor(agentId, Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(customer.Id, "ErasePersonalData");
        var body = new { changeRequestId = requestId };

        using var byAgent = await agent.PostAsync($"/api/v1/staff/accounts/{customer.Id}/erasure", body, ifMatch: 1);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        using var unapproved = await Staff(Roles.Compliance).PostAsync($"/api/v1/staff/accounts/{customer.Id}/erasure", body, ifMatch: 1);
        await SupportDesk.ExpectProblemAsync(unapproved, HttpStatusCode.Conflict, "rule:request-not-approved");
        using var otherRequest = await Staff(Roles.Admin).PostAsync(
            $"/api/v1/staff/accounts/{customer.Id}/erasure", new { changeRequestId = Guid.CreateVersion7() }, ifMatch: 1);
        Assert.Equal(HttpStatusCode.Conflict, otherRequest.StatusCode);

        // Nothing was erased by any of these.
        using var view = await agent.WaitUntilReadableAsync($"/api/v1/staff/accounts/{customer.Id}");
        Assert.Equal(customer.Name, view.RootElement.GetProperty("contact").GetProperty("name").GetString());
    }

    private HttpClient Staff(string role) => app.ClientFor(Guid.CreateVersion7(), role);
}
