using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class refreshing_and_ending_sessions(SolarEventsApp app)
{
    [Fact]
    public async Task a_refresh_token_rotates_and_the_new_access_token_works()
    {
        var (_, _, refreshToken) = await Identity.NewCustomerAsync(app);
        using var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(refreshToken, tokens.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await Probe(tokens.GetProperty("accessToken").GetString()!));
    }

    [Fact]
    public async Task reusing_a_replaced_refresh_token_revokes_the_whole_family()
    {
        var (_, accessToken, first) = await Identity.NewCustomerAsync(app);
        using var client = app.Client();
        var rotated = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first })).Content.ReadFromJsonAsync<JsonElement>();
        var second = rotated.GetProperty("refreshToken").GetString()!;
        var secondAccess = rotated.GetProperty("accessToken").GetString()!;

        var reuse = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first });
        var afterwards = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second });

        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(secondAccess));
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(accessToken));
    }

    [Fact]
    public async Task logout_ends_the_refresh_token_and_the_access_tokens_of_that_session()
    {
        var (email, accessToken, refreshToken) = await Identity.NewCustomerAsync(app);
        var otherSession = await Identity.SignInAsync(app, email, Identity.GoodPassword);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, await Probe(accessToken));

        var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(accessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await Probe(otherSession.GetProperty("accessToken").GetString()!));
    }

    [Fact]
    public async Task an_unknown_refresh_token_gets_the_generic_answer()
    {
        using var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "made-up" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("urn:solarevents:problem:invalid-credentials", await Identity.ProblemTypeAsync(response));
    }

    private async Task<HttpStatusCode> Probe(string accessToken)
    {
        using var client = app.Client(accessToken);
        return (await client.GetAsync($"/api/v1/orders/{Guid.CreateVersion7()}")).StatusCode;
    }
}
