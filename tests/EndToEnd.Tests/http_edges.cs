using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class http_edges(SolarEventsApp app)
{
    [Theory]
    [InlineData("/health/live", null)]
    [InlineData("/api/v1/orders", null)]
    [InlineData("/api/v1/orders", Roles.Customer)]
    [InlineData("/api/v1/no-such-thing", Roles.Customer)]
    public async Task every_response_carries_the_security_headers(string path, string? role)
    {
        using var client = role is null ? app.Client() : app.ClientFor(Guid.CreateVersion7(), role);

        using var response = await client.GetAsync(path);

        foreach (var (name, value) in SecurityHeadersMiddleware.Headers)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values),
                $"{path} ({response.StatusCode}) lacks {name}");
            Assert.Equal(value, Assert.Single(values));
        }
    }

    [Theory]
    [InlineData(SolarEventsApp.AllowedOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task cors_answers_only_the_listed_origins(string origin, bool allowed)
    {
        using var client = app.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/orders");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Contains(origin));
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem_and_a_wrong_method_a_405_with_allow()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);

        using var missing = await client.GetAsync("/api/v1/no-such-thing");
        using var wrongMethod = await client.DeleteAsync("/api/v1/orders");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("POST", wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task an_oversized_body_is_a_413_problem()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var huge = new string('x', (int)ApiSetup.MaxRequestBodyBytes + 1);

        using var response = await client.PostAsync("/api/v1/orders",
            new StringContent("{\"site\":{\"postalCode\":\"" + huge + "\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemTypes.PayloadTooLarge, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_polymorphic_type_name_is_refused()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        const string body = """{"$type":"System.IO.FileInfo, System.IO","site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"Flat","estimatedKwp":5,"system":{"panelCount":10,"panelModel":"A","inverterModel":"B","withBattery":false}}""";

        using var response = await client.PostAsync("/api/v1/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task an_over_long_string_is_a_400_naming_the_field()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var body = new
        {
            site = new { postalCode = "10115", city = "Berlin", countryCode = "DE" },
            roof = "Flat",
            estimatedKwp = 5,
            system = new { panelCount = 10, panelModel = new string('P', 500), inverterModel = "B", withBattery = false },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/orders", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("System.PanelModel", out _));
    }

    [Fact]
    public async Task past_the_rate_limit_a_caller_gets_429_with_retry_after_and_others_are_still_served()
    {
        using var greedy = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= SolarEventsApp.PerUserRateLimit && refused is null; i++)
        {
            var response = await greedy.GetAsync("/api/v1/orders?limit=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(ProblemTypes.TooManyRequests, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        using var patient = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        using var served = await patient.GetAsync("/api/v1/orders?limit=1");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        refused.Dispose();
    }

    [Fact]
    public async Task the_openapi_document_lists_every_mapped_api_endpoint()
    {
        var mapped = app.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        using var client = app.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(), documented.Where(d => d.Contains(" /api/", StringComparison.Ordinal)).Order());
    }

    /// <summary>Route constraints (<c>{id:guid}</c>) and trailing slashes differ between the two spellings.</summary>
    private static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, ":[a-z]+}", "}").TrimEnd('/');
}
