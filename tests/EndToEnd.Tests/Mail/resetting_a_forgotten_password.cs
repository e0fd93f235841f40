using System.Net;
using System.Net.Http.Json;
using SolarEvents.Application.Mail;

namespace SolarEvents.EndToEnd.Tests.Mail;

/// <summary>A customer who forgot their password asks for a code by mail and sets a new password with it; the answer
/// to the asking never tells whether the address is a customer's.</summary>
[Collection(WholeSystem.Name)]
public sealed class resetting_a_forgotten_password(SolarEventsApp app)
{
    private const string NewPassword = "a brand new solar password";

    [Fact]
    public async Task the_mailed_code_sets_a_new_password_once_and_ends_every_session()
    {
        var (email, _, refreshToken) = await Identity.NewCustomerAsync(app);
        using var anonymous = app.Client();

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email })).StatusCode);
        var code = Mailbox.CodeIn(await Mailbox.WaitForAsync(app, email, CustomerMails.PasswordResetSubject));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfirmAsync(anonymous, email, "aaaaa-aaaaa", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmAsync(anonymous, email, code, "short")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(anonymous, email, code, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfirmAsync(anonymous, email, code, NewPassword + " again")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Identity.RequestTokenAsync(anonymous, new { email, password = Identity.GoodPassword })).StatusCode);
        // Signed in again at once, most likely within the second of the reset: the new session's token counts.
        var tokens = await Identity.SignInAsync(app, email, NewPassword);
        Assert.NotEqual(HttpStatusCode.Unauthorized, await Employees.ProbeAsync(app, tokens.GetProperty("accessToken").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);
    }

    [Fact]
    public async Task anyone_gets_the_same_answer_but_only_a_customer_gets_a_mail()
    {
        var (customerEmail, _, _) = await Identity.NewCustomerAsync(app);
        var strangerEmail = Identity.NewEmail();
        using var anonymous = app.Client();

        using var forStranger = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = strangerEmail });
        using var forCustomer = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = customerEmail });

        Assert.Equal(forStranger.StatusCode, forCustomer.StatusCode);
        Assert.Equal(await forStranger.Content.ReadAsStringAsync(), await forCustomer.Content.ReadAsStringAsync());
        // Requests are handled in order, so once the customer's mail is here the stranger's request was handled too.
        await Mailbox.WaitForAsync(app, customerEmail, CustomerMails.PasswordResetSubject);
        Assert.Empty(Mailbox.To(app, strangerEmail));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfirmAsync(anonymous, strangerEmail, "aaaaa-aaaaa", NewPassword)).StatusCode);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string email, string code, string newPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email, code, newPassword });
}
