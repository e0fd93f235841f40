using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

/// <summary>What a support agent's client sends, as the amendment tests do: every POST with an
/// <c>Idempotency-Key</c>, every amendment with <c>If-Match</c>; the answer is the stream's new version.</summary>
public static class StaffDesk
{
    public const string Reason = "Customer called to ask for this change on the phone";

    /// <summary>A 2xx gives the new version; a 409 gives the stream's current version (from the problem document)
    /// as a negative number, so the caller can retry at it; anything else is a failure label.</summary>
    public readonly record struct Answer(long Version, string? Failure)
    {
        public bool Conflict => Failure is null && Version < 0;
    }

    public static async Task<Answer> PostAsync(Rig rig, Customer agent, string path, object body, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.Token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (ifMatch is { } version) request.Headers.TryAddWithoutValidation("If-Match", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        using var response = await rig.Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            return new Answer(-problem.RootElement.GetProperty("currentVersion").GetInt64(), null);
        }

        if (!response.IsSuccessStatusCode) return new Answer(0, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        using var changed = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return new Answer(changed.RootElement.GetProperty("version").GetInt64(), null);
    }

    /// <summary>Opens a request and answers with its id (the new stream).</summary>
    public static async Task<(Guid RequestId, string? Failure)> OpenAsync(Rig rig, Customer agent, Guid target, params ChangeCategory[] categories)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff/change-requests")
        {
            Content = Json(new
            {
                targetStreamId = target,
                categories = categories.Select(c => c.ToString()),
                reason = Reason,
                customerContactReference = "TICKET-4711",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.Token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await rig.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created) return (Guid.Empty, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        using var changed = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return (changed.RootElement.GetProperty("streamId").GetGuid(), null);
    }

    public static object RescheduleBody(Guid requestId, InstallationWindow window) =>
        new { changeRequestId = requestId, window = new { from = window.From, to = window.To }, reason = Reason };

    public static object SystemBody(Guid requestId, SystemConfiguration system) => new
    {
        changeRequestId = requestId,
        system = new { panelCount = system.PanelCount, panelModel = system.PanelModel, inverterModel = system.InverterModel, withBattery = system.WithBattery },
        reason = Reason,
    };

    public static object PriceIncreaseBody(Guid requestId) =>
        new { changeRequestId = requestId, adjustment = new { amount = 1.00m, currency = "EUR" }, reason = Reason };

    /// <summary>A JSON body with its Content-Length, as the apps send it (JsonContent would stream it chunked).</summary>
    private static ByteArrayContent Json(object body) =>
        new(JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web)) { Headers = { ContentType = new("application/json") } };
}
