using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class logs_hold_no_secrets(SolarEventsApp app)
{
    [Fact]
    public async Task a_sign_up_and_sign_in_scenario_logs_security_events_but_no_email_password_hash_or_token()
    {
        var email = Identity.NewEmail();
        var password = "planted secret " + Guid.NewGuid().ToString("N");
        await Identity.RegisterAsync(app, email, password);
        using var client = app.Client();
        await Identity.RequestTokenAsync(client, new { email, password = "planted wrong " + Guid.NewGuid().ToString("N") });
        var tokens = await Identity.SignInAsync(app, email, password);
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        var refreshToken = tokens.GetProperty("refreshToken").GetString()!;
        using var signedIn = app.Client(accessToken);
        var forbidden = await signedIn.PostAsJsonAsync("/api/v1/accounts", new { email, password });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var hash = (await app.CredentialOfAsync(email)).PasswordHash!;

        var logs = await Eventually.Until(
            () => Task.FromResult(app.Logs.Text.Contains("AuthorizationDenied", StringComparison.Ordinal) ? app.Logs.Text : null),
            what: "the security events in the log");

        Assert.Contains("SignInFailed", logs, StringComparison.Ordinal);
        Assert.Contains("SignInSucceeded", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { email, password, "planted wrong", hash, hash.Split('$')[^1], accessToken, refreshToken })
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
    }
}
