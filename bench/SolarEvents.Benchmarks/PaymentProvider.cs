using System.Globalization;
using System.Net;
using System.Text.Json;
using SolarEvents.Application.Payments;

namespace SolarEvents.Benchmarks;

/// <summary>The payment provider as the webhook sees it: a signed report of a one-euro payment, a new event id each.</summary>
public static class PaymentProvider
{
    public static readonly Guid ActorId = RecordProviderPayment.Provider.Id;

    public static async Task<StaffDesk.Answer> ReportAsync(Rig rig, Guid orderId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId = "evt_" + Guid.NewGuid().ToString("N"), orderId, amount = 1m, currency = "EUR", kind = "Other", paidAt = DateTimeOffset.UtcNow,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.TryAddWithoutValidation(PaymentSignatures.Header, PaymentSignatures.Sign(rig.PaymentSecret, DateTimeOffset.UtcNow, body));
        using var response = await rig.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return new StaffDesk.Answer(0, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        using var changed = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return new StaffDesk.Answer(changed.RootElement.GetProperty("version").GetInt64(), null);
    }
}
