using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Every way of bending an access token is refused with 401; the untouched control token passes.</summary>
[Collection(WholeSystem.Name)]
public sealed class token_attacks(SolarEventsApp app)
{
    private readonly Guid _customer = Guid.CreateVersion7();

    [Fact]
    public async Task the_control_token_is_accepted()
    {
        app.TokenFor(_customer, Roles.Customer);
        Assert.Equal(HttpStatusCode.NotFound, await Probe(Mint(_ => { })));
    }

    [Fact]
    public async Task an_unsigned_alg_none_token_is_refused()
    {
        app.TokenFor(_customer, Roles.Customer);
        var signed = Mint(_ => { });
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, await Probe($"{header}.{payload}."));
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d => d.SigningCredentials = Credentials(new byte[32]))));

    /// <summary>Signed with the right key, but HS512, which is not on the allowlist (HS256 only).</summary>
    [Fact]
    public async Task a_token_with_an_algorithm_outside_the_allowlist_is_refused()
    {
        var payload = Mint(_ => { }).Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"HS512","typ":"at+jwt"}"""));
        var signature = Base64UrlEncoder.Encode(System.Security.Cryptography.HMACSHA512.HashData(
            Convert.FromBase64String(app.SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}")));

        Assert.Equal(HttpStatusCode.Unauthorized, await Probe($"{header}.{payload}.{signature}"));
    }

    [Fact]
    public async Task an_expired_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-20);
            d.Expires = DateTime.UtcNow.AddMinutes(-5);
        })));

    [Fact]
    public async Task a_token_not_yet_valid_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d =>
        {
            d.NotBefore = DateTime.UtcNow.AddMinutes(5);
            d.Expires = DateTime.UtcNow.AddMinutes(10);
        })));

    [Fact]
    public async Task a_token_from_another_issuer_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d => d.Issuer = "someone-else")));

    [Fact]
    public async Task a_token_for_another_audience_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d => d.Audience = "another-api")));

    [Theory]
    [InlineData("JWT")]
    [InlineData("rt+jwt")]
    public async Task a_token_of_another_type_is_refused(string type) =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d => d.TokenType = type)));

    [Fact]
    public async Task a_refresh_token_used_as_an_access_token_is_refused()
    {
        var (_, _, refreshToken) = await Identity.NewCustomerAsync(app);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(refreshToken));
    }

    [Fact]
    public async Task a_validly_signed_token_for_an_unknown_user_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(Mint(d =>
            d.Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, Guid.CreateVersion7().ToString()), new Claim(ClaimNames.Role, Roles.Customer)]))));

    private async Task<HttpStatusCode> Probe(string token)
    {
        using var client = app.Client(token);
        var response = await client.GetAsync($"/api/v1/orders/{Guid.CreateVersion7()}");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            Assert.Equal("urn:solarevents:problem:unauthenticated", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        return response.StatusCode;
    }

    private static SigningCredentials Credentials(byte[] key) => new(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256);

    private string Mint(Action<SecurityTokenDescriptor> tamper)
    {
        app.TokenFor(_customer, Roles.Customer);
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "solarevents",
            Audience = "solarevents-api",
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, _customer.ToString()), new Claim(ClaimNames.Role, Roles.Customer)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = Credentials(Convert.FromBase64String(app.SigningKey)),
        };
        tamper(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
