using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>What an agent's client sends: every POST with an Idempotency-Key, amendments with If-Match.</summary>
public static class SupportDesk
{
    public const string Reason = "Customer called to ask for this change on the phone";

    public static async Task<HttpResponseMessage> PostAsync(
        this HttpClient client, string path, object body, long? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        return await client.SendAsync(request);
    }

    public static object OpenBody(Guid target, string reason, string contactReference, params string[] categories) =>
        new { targetStreamId = target, categories, reason, customerContactReference = contactReference };

    public static async Task<Guid> OpenRequestAsync(this HttpClient agent, Guid target, params string[] categories)
    {
        using var response = await agent.PostAsync("/api/v1/staff/change-requests", OpenBody(target, Reason, "TICKET-4711", categories));
        var body = await ExpectAsync(response, HttpStatusCode.Created);
        return body.GetProperty("streamId").GetGuid();
    }

    public static async Task ApproveAsync(this HttpClient approver, Guid requestId) =>
        await ExpectAsync(await approver.PostAsync($"/api/v1/staff/change-requests/{requestId}/approval",
            new { comment = "Checked the call notes" }), HttpStatusCode.OK);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await ExpectAsync(response, status);
        Assert.Equal("urn:solarevents:problem:" + type, problem.GetProperty("type").GetString());
        return problem;
    }

    public static object Window(int fromDays, int toDays)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new { from = today.AddDays(fromDays), to = today.AddDays(toDays) };
    }
}
