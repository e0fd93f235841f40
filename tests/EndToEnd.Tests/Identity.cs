using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Sign-up and sign-in over HTTP, as an app does it.</summary>
public static class Identity
{
    public const string GoodPassword = "correct horse solar battery";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    /// <summary>The code for the current step, or <paramref name="stepsAhead"/> later (within the ±1 window).</summary>
    public static string TotpNow(string secret, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    public static async Task RegisterAsync(SolarEventsApp app, string email, string password = GoodPassword)
    {
        using var client = app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { email, password });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, object body) =>
        await client.PostAsJsonAsync("/api/v1/auth/token", body);

    /// <summary>Signs in and returns the token response; fails the test when sign-in fails.</summary>
    public static async Task<JsonElement> SignInAsync(SolarEventsApp app, string email, string password, string? totp = null, string? role = null)
    {
        using var client = app.Client();
        var response = await RequestTokenAsync(client, new { email, password, totp, role });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<(string Email, string AccessToken, string RefreshToken)> NewCustomerAsync(SolarEventsApp app)
    {
        var email = NewEmail();
        await RegisterAsync(app, email);
        var tokens = await SignInAsync(app, email, GoodPassword);
        return (email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<string> ProblemTypeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!;
}
