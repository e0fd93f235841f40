using System.Net;
using System.Net.Http.Json;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>A suspension means the customer can do nothing until reactivated: no sign-in, no refresh, and tokens
/// issued before it stop counting; reactivation lets them sign in again, not reuse those tokens.</summary>
[Collection(WholeSystem.Name)]
public sealed class suspending_locks_the_customer_out(SolarEventsApp app)
{
    [Fact]
    public async Task a_suspended_customer_cannot_sign_in_refresh_or_use_a_token_until_reactivated()
    {
        var (email, accessToken, refreshToken) = await Identity.NewCustomerAsync(app);
        var accountId = (await app.CredentialOfAsync(email)).Id;
        using var customer = app.Client(accessToken);
        using var readable = await customer.WaitUntilReadableAsync("/api/v1/accounts/me");
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using var second = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(accountId, "SuspendAccount", "ReactivateAccount");
        await second.ApproveAsync(requestId);
        var path = $"/api/v1/staff/accounts/{accountId}";

        await SupportDesk.ExpectAsync(await agent.PostAsync(path + "/suspension",
            new { changeRequestId = requestId, reason = "Chargeback under investigation by finance" }, ifMatch: 1), HttpStatusCode.OK);

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Identity.RequestTokenAsync(anonymous, new { email, password = Identity.GoodPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);

        await SupportDesk.ExpectAsync(await agent.PostAsync(path + "/reactivation",
            new { changeRequestId = requestId, reason = "Finance cleared the chargeback today" }, ifMatch: 2), HttpStatusCode.OK);

        var tokens = await Identity.SignInAsync(app, email, Identity.GoodPassword);
        using var again = app.Client(tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync("/api/v1/accounts/me")).StatusCode);
    }
}
