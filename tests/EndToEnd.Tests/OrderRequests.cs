using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>HTTP helpers shared by the order tests.</summary>
public static class OrderRequests
{
    public static readonly object ValidBody = new
    {
        site = new { postalCode = "10115", city = "Berlin", countryCode = "DE" },
        roof = "PitchedTile",
        estimatedKwp = 8.4m,
        system = new { panelCount = 20, panelModel = "SunPeak 420", inverterModel = "GridMax 8K", withBattery = true },
    };

    public static async Task<Guid> RequestQuoteAsync(this HttpClient customer)
    {
        var response = await customer.PostAsJsonAsync("/api/v1/orders", ValidBody);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamId").GetGuid();
    }

    /// <summary>Waits until the path answers 200 (the projector has written what it shows).</summary>
    public static async Task<JsonDocument> WaitUntilReadableAsync(this HttpClient client, string path) =>
        await Eventually.Until(async () =>
        {
            using var read = await client.GetAsync(path);
            return read.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await read.Content.ReadAsStringAsync()) : null;
        }, what: path);

    public static async Task<JsonDocument> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }
}
