using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

/// <summary>A customer registered over HTTP with personal values unique to this run, so a scan can look for them
/// anywhere: tables, logs, responses.</summary>
public sealed record PlantedCustomer(Guid Id, string Email, string Password, string Name, string Phone, string Address)
{
    /// <summary>The values and their telling fragments (a phone's digits without formatting, the street alone).</summary>
    public IEnumerable<string> Secrets =>
        [Email, Password, Name, Phone, Address, Phone.Replace(" ", "", StringComparison.Ordinal), Address.Split(',')[0]];

    public static async Task<PlantedCustomer> RegisterAsync(SolarEventsApp app)
    {
        var tag = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 10);
        // Eight digits, not seven: scans look for the bare digits too, and the stores are full of seven-digit
        // runs by chance (every timestamp's fraction of a second), which a seven-digit number would match now and then.
        var digits = RandomNumberGenerator.GetString("0123456789", 8);
        var planted = new
        {
            email = $"planted.{tag}@example.test",
            password = $"planted password {tag}",
            name = $"Plantina {tag}",
            phone = $"+49 171 {digits}",
            address = $"{tag}strasse 7, 10115 Berlin",
        };
        using var anonymous = app.Client();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/accounts", planted);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var credential = await app.CredentialOfAsync(planted.email);
        return new PlantedCustomer(credential.Id, planted.email, planted.password, planted.name, planted.phone, planted.address);
    }

    public async Task<HttpClient> SignInAsync(SolarEventsApp app) =>
        app.Client((await Identity.SignInAsync(app, Email, Password)).GetProperty("accessToken").GetString());
}

public static class StaffSearch
{
    /// <summary>The accounts a support agent finds by <c>{ email }</c> or <c>{ phone }</c>.</summary>
    public static async Task<System.Text.Json.JsonElement> SearchAsync(this HttpClient agent, object body)
    {
        using var response = await agent.PostAsJsonAsync("/api/v1/staff/accounts/search", body);
        return await Amendments.SupportDesk.ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Searches until exactly one account is found (the projector may not have caught up yet).</summary>
    public static async Task<System.Text.Json.JsonElement> FindOneAsync(this HttpClient agent, object body) =>
        (await SolarEvents.TestSupport.Eventually.Until(async () =>
        {
            var found = await agent.SearchAsync(body);
            return found.GetArrayLength() == 1 ? new[] { found[0] } : null;
        }, what: "exactly one account found"))[0];
}
