using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;
using SolarEvents.Application.Identity;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests.Compliance;

[Collection(WholeSystem.Name)]
public sealed class compliance_over_http(SolarEventsApp app)
{
    private static readonly object QuoteBody = new
    {
        site = new { postalCode = "80331", city = "München", countryCode = "DE" },
        roof = "Flat",
        estimatedKwp = 6.4m,
        system = new { panelCount = 16, panelModel = "SunPeak 420", inverterModel = "GridMax 6K", withBattery = false },
    };

    private HttpClient Compliance() => app.ClientFor(Guid.CreateVersion7(), Roles.Compliance);

    private async Task<(Guid CustomerId, Guid OrderId)> CustomerRequestsQuoteAsync()
    {
        var customerId = Guid.CreateVersion7();
        using var customer = app.ClientFor(customerId, Roles.Customer);
        var response = await customer.PostAsJsonAsync("/api/v1/orders", QuoteBody);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (customerId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamId").GetGuid());
    }


    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Admin)]
    public async Task only_the_compliance_role_reads_history(string role)
    {
        var (_, orderId) = await CustomerRequestsQuoteAsync();
        using var other = app.ClientFor(Guid.CreateVersion7(), role);
        using var anonymous = app.Client();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/compliance/streams/{orderId}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/v1/compliance/verification", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/compliance/streams/{orderId}/events")).StatusCode);
        using var compliance = Compliance();
        Assert.Equal(HttpStatusCode.OK, (await compliance.GetAsync($"/api/v1/compliance/streams/{orderId}/events")).StatusCode);
    }

    [Fact]
    public async Task a_streams_history_shows_who_did_what_in_which_role_and_the_chain_hash()
    {
        var (customerId, orderId) = await CustomerRequestsQuoteAsync();
        using var compliance = Compliance();

        var history = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/streams/{orderId}/events");

        var requested = Assert.Single(history.GetProperty("events").EnumerateArray());
        Assert.Equal("order.quote_requested.v1", requested.GetProperty("type").GetString());
        Assert.Equal(customerId.ToString(), requested.GetProperty("actorId").GetString());
        Assert.Equal(Roles.Customer, requested.GetProperty("actorRole").GetString());
        Assert.False(string.IsNullOrEmpty(requested.GetProperty("correlationId").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", requested.GetProperty("hash").GetString());
        Assert.Equal("München", requested.GetProperty("data").GetProperty("Site").GetProperty("City").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await compliance.GetAsync($"/api/v1/compliance/streams/{Guid.CreateVersion7()}/events")).StatusCode);
    }

    [Fact]
    public async Task the_state_as_of_a_version_and_the_amendments_of_a_request_match_what_happened()
    {
        var journey = await OrderJourney.StartAsync(app);
        var orderId = journey.OrderId;
        await journey.ScheduleSurveyAsync();
        await journey.CompleteSurveyAsync();
        await journey.IssueQuoteAsync();
        var agentId = Guid.CreateVersion7();
        using var agent = app.ClientFor(agentId, Roles.SupportAgent);
        var requestId = await agent.OpenRequestAsync(orderId, "PriceReduction");
        await app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent).ApproveAsync(requestId);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await journey.StepAsync(agent, "/api/v1/staff/orders/{0}/price-adjustments",
            new { changeRequestId = requestId, adjustment = new { amount = -250m, currency = "EUR" }, reason = "Goodwill for the delayed survey" });
        using var compliance = Compliance();

        var asOfFirst = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/orders/{orderId}/state?version=1");
        var now = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/orders/{orderId}/state");
        var amendments = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/change-requests/{requestId}/amendments");
        var actions = await compliance.GetFromJsonAsync<JsonElement>(
            $"/api/v1/compliance/employees/{agentId}/actions?from={Uri.EscapeDataString(before.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}");

        Assert.Equal((1, "QuoteRequested", 0m), (asOfFirst.GetProperty("version").GetInt32(), asOfFirst.GetProperty("state").GetProperty("status").GetString(),
            asOfFirst.GetProperty("state").GetProperty("total").GetDecimal()));
        Assert.Equal((5, Streams.QuoteTotal - 250m), (now.GetProperty("version").GetInt32(), now.GetProperty("state").GetProperty("total").GetDecimal()));
        var amendment = Assert.Single(amendments.GetProperty("events").EnumerateArray(), e => e.GetProperty("streamId").GetGuid() == orderId);
        Assert.Equal(("order.price_adjusted.v1", agentId.ToString(), Roles.SupportAgent),
            (amendment.GetProperty("type").GetString(), amendment.GetProperty("actorId").GetString(), amendment.GetProperty("actorRole").GetString()));
        var action = Assert.Single(actions.GetProperty("events").EnumerateArray(), e => e.GetProperty("streamId").GetGuid() == orderId);
        Assert.Equal((orderId, 5), (action.GetProperty("streamId").GetGuid(), action.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task an_unbounded_or_reversed_period_is_refused()
    {
        using var compliance = Compliance();

        var reversed = await compliance.GetAsync($"/api/v1/compliance/employees/{Guid.CreateVersion7()}/actions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        var tooLong = await compliance.GetAsync($"/api/v1/compliance/employees/{Guid.CreateVersion7()}/actions?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task the_store_verifies_a_digest_is_signed_and_a_customers_export_verifies_offline_with_the_public_key()
    {
        var (customerId, _) = await CustomerRequestsQuoteAsync();
        using var compliance = Compliance();

        var created = await compliance.PostAsync("/api/v1/compliance/digests", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var verification = await (await compliance.PostAsync("/api/v1/compliance/verification", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        Assert.Empty(verification.GetProperty("latestDigest").GetProperty("breaks").EnumerateArray());

        var publicKeyPem = await compliance.GetStringAsync("/api/v1/compliance/digests/public-key");
        var export = await compliance.GetAsync($"/api/v1/compliance/exports/customers/{customerId}");
        Assert.Equal(ExportFormatContentType, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        using var publicKey = DigestKeys.FromPem(publicKeyPem);
        var report = ExportVerifier.Verify(bytes, publicKey);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.True(report.DigestCovered);
        Assert.Equal((1, 1L), (report.Streams, report.Events));
        Assert.Equal(HttpStatusCode.NotFound, (await compliance.GetAsync($"/api/v1/compliance/exports/customers/{Guid.CreateVersion7()}")).StatusCode);
    }

    private const string ExportFormatContentType = "application/jsonl";
}
