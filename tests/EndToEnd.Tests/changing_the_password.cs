using System.Net;
using System.Net.Http.Json;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class changing_the_password(SolarEventsApp app)
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task a_changed_password_ends_every_session_and_only_the_new_one_signs_in()
    {
        var (email, accessToken, refreshToken) = await Identity.NewCustomerAsync(app);
        using var client = app.Client(accessToken);

        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Identity.GoodPassword, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Employees.ProbeAsync(app, accessToken));
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identity.RequestTokenAsync(anonymous, new { email, password = Identity.GoodPassword })).StatusCode);
        await Eventually.Until(async () =>
        {
            using var fresh = app.Client();
            return (await Identity.RequestTokenAsync(fresh, new { email, password = NewPassword })).StatusCode == HttpStatusCode.OK ? "signed in" : null;
        }, what: "a sign-in with the new password (tokens from the second of the change are refused)");
    }

    [Fact]
    public async Task the_current_password_is_required()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        using var client = app.Client(accessToken);

        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not the current one", newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        await Identity.SignInAsync(app, email, Identity.GoodPassword);
    }

    [Fact]
    public async Task the_new_password_must_pass_the_rules()
    {
        var (_, accessToken, _) = await Identity.NewCustomerAsync(app);
        using var client = app.Client(accessToken);

        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Identity.GoodPassword, newPassword = "password1234" });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
    }
}
