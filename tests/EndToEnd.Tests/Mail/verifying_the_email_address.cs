using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Mail;
using SolarEvents.Domain.Accounts;
using SolarEvents.TestSupport;
using static SolarEvents.EndToEnd.Tests.Amendments.SupportDesk;

namespace SolarEvents.EndToEnd.Tests.Mail;

/// <summary>Registration mails a code; the signed-in customer enters it and the account records the address as verified.</summary>
[Collection(WholeSystem.Name)]
public sealed class verifying_the_email_address(SolarEventsApp app)
{
    private const string Path = "/api/v1/accounts/me/email-verification";

    [Fact]
    public async Task the_mailed_code_verifies_the_address_once_and_a_wrong_one_does_not()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        using var customer = app.Client(accessToken);
        var code = Mailbox.CodeIn(await Mailbox.WaitForAsync(app, email, CustomerMails.VerificationSubject));

        await ExpectProblemAsync(await customer.PostAsync(Path, new { code = "aaaaa-aaaaa" }), HttpStatusCode.BadRequest, "invalid-code");
        await ExpectAsync(await customer.PostAsync(Path, new { code }), HttpStatusCode.OK);
        await ExpectProblemAsync(await customer.PostAsync(Path, new { code }), HttpStatusCode.Conflict, "rule:email-already-verified");
        await ExpectProblemAsync(await customer.PostAsync(Path + "/resend", new { }), HttpStatusCode.Conflict, "rule:email-already-verified");

        Assert.Single(await VerificationsAsync(email));
        // The app sees it once the read model caught up.
        await Eventually.Until(async () =>
        {
            using var account = await customer.GetAsync("/api/v1/accounts/me");
            var body = await account.Content.ReadAsStringAsync();
            return account.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.GetProperty("emailVerified").GetBoolean() ? body : null;
        }, what: "emailVerified in /api/v1/accounts/me");
    }

    [Fact]
    public async Task a_resent_code_replaces_the_first_and_five_wrong_tries_void_a_code()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        using var customer = app.Client(accessToken);
        var first = Mailbox.CodeIn(await Mailbox.WaitForAsync(app, email, CustomerMails.VerificationSubject));

        Assert.Equal(HttpStatusCode.Accepted, (await customer.PostAsync(Path + "/resend", new { })).StatusCode);
        var second = Mailbox.CodeIn(await Mailbox.WaitForAsync(app, email, CustomerMails.VerificationSubject, count: 2));
        Assert.NotEqual(first, second);
        await ExpectProblemAsync(await customer.PostAsync(Path, new { code = first }), HttpStatusCode.BadRequest, "invalid-code");
        for (var miss = 2; miss <= 5; miss++)
            await ExpectProblemAsync(await customer.PostAsync(Path, new { code = "aaaaa-aaaaa" }), HttpStatusCode.BadRequest, "invalid-code");

        await ExpectProblemAsync(await customer.PostAsync(Path, new { code = second }), HttpStatusCode.BadRequest, "invalid-code");
        Assert.Empty(await VerificationsAsync(email));
    }

    private async Task<IReadOnlyList<AccountEmailVerified>> VerificationsAsync(string email)
    {
        var accountId = (await app.CredentialOfAsync(email)).Id;
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(accountId)).Select(e => e.Data).OfType<AccountEmailVerified>()];
    }
}
