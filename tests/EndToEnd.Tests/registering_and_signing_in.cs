using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class registering_and_signing_in(SolarEventsApp app)
{
    [Fact]
    public async Task a_customer_registers_signs_in_and_the_account_stream_records_them_as_its_actor()
    {
        var email = Identity.NewEmail();
        await Identity.RegisterAsync(app, email);

        var tokens = await Identity.SignInAsync(app, email, Identity.GoodPassword);

        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.Equal(Roles.Customer, tokens.GetProperty("role").GetString());
        Assert.InRange(tokens.GetProperty("expiresIn").GetInt32(), 60, 15 * 60);
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var credential = await app.CredentialOfAsync(email);
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", credential.PasswordHash, StringComparison.Ordinal);
        var registered = Assert.Single(await session.Events.FetchStreamAsync(credential.Id));
        Assert.IsType<AccountRegistered>(registered.Data);
        Assert.Equal(credential.Id.ToString(), registered.UserName);
        Assert.Equal(Roles.Customer, registered.GetHeader(ActorMetadataMiddleware.ActorRoleHeader)?.ToString());
    }

    [Fact]
    public async Task registering_a_taken_address_gets_the_same_answer_and_appends_nothing()
    {
        var email = Identity.NewEmail();
        using var client = app.Client();
        var first = await client.PostAsJsonAsync("/api/v1/accounts", new { email, password = Identity.GoodPassword });
        var second = await client.PostAsJsonAsync("/api/v1/accounts", new { email = email.ToUpperInvariant(), password = "another long passphrase" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var credential = await app.CredentialOfAsync(email);
        Assert.Single(await session.Events.FetchStreamAsync(credential.Id));
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("password1234")]
    [InlineData("QWERTYUIOPASDFGH")]
    public async Task short_or_common_passwords_are_refused(string password)
    {
        using var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { email = Identity.NewEmail(), password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:solarevents:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("Password", out _));
    }

    [Fact]
    public async Task a_long_password_without_composition_rules_is_used_in_full()
    {
        var email = Identity.NewEmail();
        var password = new string('x', 100) + " ümlaut und leerzeichen";
        await Identity.RegisterAsync(app, email, password);
        using var client = app.Client();

        var truncated = await Identity.RequestTokenAsync(client, new { email, password = password[..99] });
        var whole = await Identity.RequestTokenAsync(client, new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
    }

    [Fact]
    public async Task unknown_user_and_wrong_password_get_the_same_answer()
    {
        var email = Identity.NewEmail();
        await Identity.RegisterAsync(app, email);
        using var client = app.Client();

        var unknown = await Identity.RequestTokenAsync(client, new { email = Identity.NewEmail(), password = Identity.GoodPassword });
        var wrong = await Identity.RequestTokenAsync(client, new { email, password = "wrong but long password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var wrongProblem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "type", "title", "detail" })
            Assert.Equal(unknownProblem.GetProperty(field).GetString(), wrongProblem.GetProperty(field).GetString());
    }

    [Fact]
    public async Task repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var email = Identity.NewEmail();
        await Identity.RegisterAsync(app, email);
        using var client = app.Client();

        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Identity.RequestTokenAsync(client, new { email, password = "wrong but long password" })).StatusCode);
        var right = await Identity.RequestTokenAsync(client, new { email, password = Identity.GoodPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("urn:solarevents:problem:invalid-credentials", await Identity.ProblemTypeAsync(right));
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var credential = await app.CredentialOfAsync(email);
        Assert.True(credential.LockedUntil > DateTimeOffset.UtcNow.AddSeconds(20));
    }

    [Fact]
    public async Task the_token_endpoint_answers_429_with_retry_after_past_its_limit()
    {
        using var client = app.Client();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 11; attempt++)
            last = await Identity.RequestTokenAsync(client, new { email = Identity.NewEmail(), password = "wrong but long password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("urn:solarevents:problem:too-many-requests", await Identity.ProblemTypeAsync(last));
    }

    [Fact]
    public async Task registration_is_rate_limited_too()
    {
        using var client = app.Client();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 6; attempt++)
            last = await client.PostAsJsonAsync("/api/v1/accounts", new { email = Identity.NewEmail(), password = "short" });

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
    }
}
