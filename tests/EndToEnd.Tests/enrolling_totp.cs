using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class enrolling_totp(SolarEventsApp app)
{
    [Fact]
    public async Task a_customer_enrols_and_then_needs_a_code_that_works_only_once()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        var (secret, recoveryCodes) = await EnrolAsync(accessToken);
        Assert.Equal(10, recoveryCodes.Count);
        using var client = app.Client();

        var withoutCode = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("urn:solarevents:problem:mfa-required", await Identity.ProblemTypeAsync(withoutCode));

        var code = Identity.TotpNow(secret, stepsAhead: 1); // the confirmation used the current step
        var first = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword, totp = code });
        var replay = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword, totp = code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("urn:solarevents:problem:invalid-credentials", await Identity.ProblemTypeAsync(replay));
    }

    [Fact]
    public async Task a_recovery_code_stands_in_for_the_authenticator_once()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        var (_, recoveryCodes) = await EnrolAsync(accessToken);
        using var client = app.Client();

        var first = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword, recoveryCode = recoveryCodes[0] });
        var again = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword, recoveryCode = recoveryCodes[0] });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task enrolment_needs_the_password_again()
    {
        var (_, accessToken, _) = await Identity.NewCustomerAsync(app);
        using var client = app.Client(accessToken);

        var response = await client.PostAsJsonAsync("/api/v1/auth/mfa/totp", new { password = "not my password at all" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string accessToken)
    {
        using var client = app.Client(accessToken);
        var started = await client.PostAsJsonAsync("/api/v1/auth/mfa/totp", new { password = Identity.GoodPassword });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var enrolment = await started.Content.ReadFromJsonAsync<JsonElement>();
        var secret = enrolment.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/SolarEvents:", enrolment.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);

        var confirmed = await client.PostAsJsonAsync("/api/v1/auth/mfa/totp/confirm", new { code = Identity.TotpNow(secret) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")
            .EnumerateArray().Select(c => c.GetString()!).ToList();
        return (secret, codes);
    }
}
