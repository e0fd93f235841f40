using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class requesting_a_quote(SolarEventsApp app)
{
    private static readonly object ValidBody = OrderRequests.ValidBody;

    [Fact]
    public async Task customer_requests_a_quote_and_reads_the_order_back_from_the_read_model()
    {
        var customerId = Guid.CreateVersion7();
        using var client = app.ClientFor(customerId, Roles.Customer);

        var response = await client.PostAsJsonAsync("/api/v1/orders", ValidBody);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = created.GetProperty("streamId").GetGuid();
        Assert.Equal($"/api/v1/orders/{orderId}", response.Headers.Location?.OriginalString);

        var order = await Eventually.Until(async () =>
        {
            using var read = await client.GetAsync($"/api/v1/orders/{orderId}");
            return read.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await read.Content.ReadAsStringAsync()) : null;
        }, what: "the order summary in MySQL");

        Assert.Equal("QuoteRequested", order.RootElement.GetProperty("status").GetString());
        Assert.Equal("Berlin", order.RootElement.GetProperty("city").GetString());
        Assert.Equal(20, order.RootElement.GetProperty("panelCount").GetInt32());
        Assert.Equal(8.4m, order.RootElement.GetProperty("estimatedKwp").GetDecimal());
        Assert.Equal(1, order.RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task the_event_carries_the_actor_and_correlation_from_the_request_not_the_body()
    {
        var customerId = Guid.CreateVersion7();
        using var client = app.ClientFor(customerId, Roles.Customer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(ValidBody) };
        request.Headers.Add("X-Correlation-Id", "test-correlation-0001");

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamId").GetGuid();

        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().LightweightSession();
        var events = await session.Events.FetchStreamAsync(orderId);
        var requested = Assert.Single(events);
        Assert.Equal("order.quote_requested.v1", requested.EventTypeName);
        Assert.Equal(customerId, ((QuoteRequested)requested.Data).CustomerId);
        Assert.Equal(customerId.ToString(), requested.UserName);
        Assert.Equal(Roles.Customer, requested.GetHeader(ActorMetadataMiddleware.ActorRoleHeader)?.ToString());
        Assert.Equal("test-correlation-0001", requested.CorrelationId);
        Assert.False(string.IsNullOrEmpty(requested.CausationId));
    }

    [Fact]
    public async Task another_customer_gets_404_for_the_order()
    {
        using var owner = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var created = await owner.PostAsJsonAsync("/api/v1/orders", ValidBody);
        var location = created.Headers.Location!.OriginalString;
        await Eventually.Until(async () =>
        {
            using var read = await owner.GetAsync(location);
            return read.StatusCode == HttpStatusCode.OK ? "visible" : null;
        }, what: "the owner to see the order");

        using var stranger = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var response = await stranger.GetAsync(location);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task no_token_gets_401_with_a_problem_document()
    {
        using var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/v1/orders", ValidBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:solarevents:problem:unauthenticated", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_token_signed_with_another_key_gets_401()
    {
        var foreignKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var forged = new SolarEvents.Api.Authentication.AccessTokenIssuer(
            new SolarEvents.Api.Authentication.TokenSettings { SigningKey = foreignKey }, TimeProvider.System)
            .Issue(Guid.CreateVersion7(), Roles.Customer);
        using var client = app.Client(forged);

        var response = await client.PostAsJsonAsync("/api/v1/orders", ValidBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task an_invalid_body_gets_400_with_the_fields_and_appends_nothing()
    {
        var customerId = Guid.CreateVersion7();
        using var client = app.ClientFor(customerId, Roles.Customer);
        var body = new
        {
            site = new { postalCode = "10115", city = "", countryCode = "Germany" },
            roof = "PitchedTile",
            estimatedKwp = 8.4m,
            system = new { panelCount = 0, panelModel = "SunPeak 420", inverterModel = "GridMax 8K", withBattery = false },
        };

        var response = await client.PostAsJsonAsync("/api/v1/orders", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:solarevents:problem:validation", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Site.City", out _));
        Assert.True(errors.TryGetProperty("Site.CountryCode", out _));
        Assert.True(errors.TryGetProperty("System.PanelCount", out _));
        await AssertNoOrdersAppendedFor(customerId);
    }

    [Theory]
    [InlineData("""{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"Flat","estimatedKwp":5,"system":{"panelCount":10,"panelModel":"A","inverterModel":"B","withBattery":false},"customerId":"00000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"Flat","estimatedKwp":5""")]
    [InlineData("""{"site":null,"roof":"Flat","estimatedKwp":5,"system":{"panelCount":10,"panelModel":"A","inverterModel":"B","withBattery":false}}""")]
    [InlineData("""{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":7,"estimatedKwp":5,"system":{"panelCount":10,"panelModel":"A","inverterModel":"B","withBattery":false}}""")]
    public async Task malformed_or_overposted_json_gets_400_without_internals(string json)
    {
        var customerId = Guid.CreateVersion7();
        using var client = app.ClientFor(customerId, Roles.Customer);

        var response = await client.PostAsync("/api/v1/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("urn:solarevents:problem:malformed-request",
            JsonDocument.Parse(text).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SolarEvents.", text, StringComparison.Ordinal);
        await AssertNoOrdersAppendedFor(customerId);
    }

    [Fact]
    public async Task an_xml_body_gets_415()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);

        var response = await client.PostAsync("/api/v1/orders", new StringContent("<order/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task staff_cannot_request_a_quote_as_a_customer()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Sales);

        var response = await client.PostAsJsonAsync("/api/v1/orders", ValidBody);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task AssertNoOrdersAppendedFor(Guid customerId)
    {
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var count = await session.Events.QueryRawEventDataOnly<QuoteRequested>()
            .Where(e => e.CustomerId == customerId).CountAsync();
        Assert.Equal(0, count);
    }
}
