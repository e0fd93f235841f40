using System.Net;
using System.Net.Http.Json;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

[Collection(WholeSystem.Name)]
public sealed class personal_data_at_rest(SolarEventsApp app)
{
    [Fact]
    public async Task after_a_full_scenario_no_table_in_either_database_and_no_log_line_holds_a_planted_value()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        using var signedIn = await customer.SignInAsync(app);
        var orderId = await signedIn.RequestQuoteAsync();
        var subscriberDigits = customer.Phone[^8..];
        var newPhone = "+49 172 " + subscriberDigits;
        var newAddress = "Neue " + customer.Address;

        // Support changes the contact details under a request, finds the customer by email and by the new phone.
        var agentId = Guid.CreateVersion7();
        using var agent = app.ClientFor(agentId, Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(customer.Id, "UpdateContactDetails");
        await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/accounts/{customer.Id}/contact-details",
            new { changeRequestId = requestId, phone = newPhone, address = newAddress }, ifMatch: 1), HttpStatusCode.OK);
        var byEmail = await agent.FindOneAsync(new { email = customer.Email.ToUpperInvariant() });
        Assert.Equal(customer.Id, byEmail.GetProperty("accountId").GetGuid());
        // Formatting never matters, and a blank email beside the phone is no email.
        var byPhone = await agent.FindOneAsync(new { email = "", phone = newPhone.Replace(" ", "-", StringComparison.Ordinal) });
        var seenBySupport = byPhone.GetProperty("contact");
        Assert.Equal(customer.Email, seenBySupport.GetProperty("email").GetString());
        Assert.Equal(newPhone, seenBySupport.GetProperty("phone").GetString());
        Assert.Equal(newAddress, seenBySupport.GetProperty("address").GetString());

        // The customer sees their own data; Sales sees a masked phone and nothing else of it.
        using var mine = await signedIn.GetJsonAsync("/api/v1/accounts/me");
        Assert.Equal(customer.Name, mine.RootElement.GetProperty("contact").GetProperty("name").GetString());
        using var sales = app.ClientFor(Guid.CreateVersion7(), Roles.Sales);
        using var pipeline = await sales.GetJsonAsync("/api/v1/sales/pipeline?limit=100");
        var line = pipeline.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("orderId").GetGuid() == orderId);
        Assert.Equal("••••••••••" + newPhone[^3..], line.GetProperty("maskedPhone").GetString());
        Assert.DoesNotContain(subscriberDigits, pipeline.RootElement.GetRawText(), StringComparison.Ordinal);

        string[] planted = [.. customer.Secrets, newPhone, newPhone.Replace(" ", "", StringComparison.Ordinal), newAddress, subscriberDigits];
        // The scan must be able to see rows at all: the account's id is stored in the clear, and is found.
        Assert.NotEmpty(await RawTables.FindAsync(app, [customer.Id.ToString()]));
        Assert.Empty(await RawTables.FindAsync(app, planted));
        Assert.All(planted, value => Assert.DoesNotContain(value, app.Logs.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task every_support_read_of_personal_data_is_recorded_for_compliance()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        var agentId = Guid.CreateVersion7();
        using var agent = app.ClientFor(agentId, Roles.SupportAgent);
        using (await agent.WaitUntilReadableAsync($"/api/v1/staff/accounts/{customer.Id}"))
        {
        }

        await agent.FindOneAsync(new { email = customer.Email });

        using var compliance = app.ClientFor(Guid.CreateVersion7(), Roles.Compliance);
        using var reads = await compliance.GetJsonAsync($"/api/v1/compliance/customers/{customer.Id}/personal-data-reads");
        var events = reads.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Count >= 2, $"expected the view and the search, got {events.Count}");
        Assert.All(events, e => Assert.Equal(agentId.ToString(), e.GetProperty("actorId").GetString()));
        var purposes = events.Select(e => e.GetProperty("data").GetProperty("Purpose").GetString()).ToList();
        Assert.Contains("account view", purposes);
        Assert.Contains("search by email", purposes);
        Assert.DoesNotContain(customer.Email, reads.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_search_needs_exactly_one_of_email_or_phone()
    {
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        foreach (var body in new object[] { new { }, new { email = "a@b.test", phone = "123456" }, new { phone = "--" }, new { email = " ", phone = " " } })
        {
            using var response = await agent.PostAsJsonAsync("/api/v1/staff/accounts/search", body);
            await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        }
    }

    [Fact]
    public async Task sales_admins_and_engineers_cannot_read_an_account_in_the_clear()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        foreach (var role in new[] { Roles.Sales, Roles.Admin, Roles.Engineer, Roles.Compliance })
        {
            using var staff = app.ClientFor(Guid.CreateVersion7(), role);
            using var response = await staff.GetAsync($"/api/v1/staff/accounts/{customer.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
