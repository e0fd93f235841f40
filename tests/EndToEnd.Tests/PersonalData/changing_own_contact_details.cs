using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

[Collection(WholeSystem.Name)]
public sealed class changing_own_contact_details(SolarEventsApp app)
{
    [Fact]
    public async Task with_the_password_a_customer_changes_phone_and_address_and_sees_them_sealed_at_rest()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        using var signedIn = await customer.SignInAsync(app);

        using var changed = await signedIn.PostAsJsonAsync("/api/v1/accounts/me/contact-details",
            new { password = customer.Password, phone = "+49 30 9876 5432", address = "Neue Allee 3, 10117 Berlin" });
        Assert.Equal(2, (await SupportDesk.ExpectAsync(changed, HttpStatusCode.OK)).GetProperty("version").GetInt64());

        using var mine = await Eventually.Until(async () =>
        {
            using var response = await signedIn.GetAsync("/api/v1/accounts/me");
            if (response.StatusCode == HttpStatusCode.NotFound) return null; // not projected yet
            var account = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return account.RootElement.GetProperty("version").GetInt64() == 2 ? account : null;
        }, what: "the changed account");
        Assert.Equal("+49 30 9876 5432", mine.RootElement.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("Neue Allee 3, 10117 Berlin", mine.RootElement.GetProperty("contact").GetProperty("address").GetString());
        Assert.Empty(await RawTables.FindAsync(app, ["9876 5432", "98765432", "Neue Allee"]));
    }

    [Fact]
    public async Task a_wrong_password_changes_nothing_and_counts_towards_the_lockout()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        using var signedIn = await customer.SignInAsync(app);

        using var refused = await signedIn.PostAsJsonAsync("/api/v1/accounts/me/contact-details",
            new { password = "not the password at all", phone = "+49 30 1111 2222", address = "Elsewhere 1" });

        await SupportDesk.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "invalid-credentials");
        Assert.Equal(1, (await app.CredentialOfAsync(customer.Email)).FailedAttempts);
        await using var session = app.ApiServices.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(customer.Id));
    }
}
