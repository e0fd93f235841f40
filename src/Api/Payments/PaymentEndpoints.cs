using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Payments;

namespace SolarEvents.Api.Payments;

/// <summary>
/// The payment provider's webhook: no token, a signature over the raw body instead (<see cref="PaymentSignatures"/>).
/// 200 only once the payment is stored, so the provider retries anything else; a redelivery of the same report is 200
/// and changes nothing. Refusals are 4xx problem documents and security events.
/// </summary>
public static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/payments/notifications", Receive).AllowAnonymous().RequireRateLimiting(RateLimiting.Payments)
            .Dispatches(typeof(RecordProviderPayment)).Accepts<PaymentNotification>("application/json");

    private static async Task<Ok<StreamChanged>> Receive(HttpContext http, PaymentNotifications notifications, CancellationToken cancellation)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellation);
        return TypedResults.Ok(await notifications.ReceiveAsync(http.Request.Headers[PaymentSignatures.Header], body.ToArray(), cancellation));
    }
}
