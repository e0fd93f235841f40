using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Payments;
using SolarEvents.Domain.Orders;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests.Lifecycle;

/// <summary>The payment provider's webhook: signed reports only, each recorded once, every refusal a 4xx that appends
/// nothing and leaves a security event.</summary>
[Collection(WholeSystem.Name)]
public sealed class payment_notifications(SolarEventsApp app)
{
    [Fact]
    public async Task a_signed_report_is_recorded_once_however_often_it_is_delivered()
    {
        var journey = await AcceptedOrderAsync();
        var report = Report(journey.OrderId, 1_000m);

        using var first = await app.NotifyPaymentAsync(report);
        var events = (await app.ApiServices.EventsAsync(journey.OrderId)).Count;
        using var again = await app.NotifyPaymentAsync(report);
        var twin = Report(journey.OrderId, 500m);
        var twins = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.NotifyPaymentAsync(twin)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.All(twins, twin => Assert.Equal(HttpStatusCode.OK, twin.StatusCode));
        var payments = (await app.ApiServices.EventsAsync(journey.OrderId)).Select(e => e.Data).OfType<PaymentRecorded>().ToList();
        Assert.Equal([1_000m, 500m], payments.Select(p => p.Amount.Amount));
        Assert.Equal(events + 1, (await app.ApiServices.EventsAsync(journey.OrderId)).Count); // the twins' one payment
        Assert.Equal(RecordProviderPayment.Provider.Id.ToString(), (await app.ApiServices.EventsAsync(journey.OrderId))[^1].UserName);
    }

    [Fact]
    public async Task either_secret_of_a_rotation_is_accepted()
    {
        var journey = await AcceptedOrderAsync();

        using var signedWithNext = await app.NotifyPaymentAsync(Report(journey.OrderId, 100m), secret: app.NextPaymentSecret);

        Assert.Equal(HttpStatusCode.OK, signedWithNext.StatusCode);
    }

    [Fact]
    public async Task a_payment_beyond_what_is_owed_is_recorded_and_flagged_for_support()
    {
        var journey = await AcceptedOrderAsync();

        using var response = await app.NotifyPaymentAsync(Report(journey.OrderId, Streams.QuoteTotal + 250m));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var flagged = (await app.ApiServices.EventsAsync(journey.OrderId)).Select(e => e.Data).OfType<PaymentExceededBalance>().Single();
        Assert.Equal(250m, flagged.Excess.Amount);
        // Support sees the flag on its view of the order; the customer's timeline leaves it out.
        var version = (await app.ApiServices.EventsAsync(journey.OrderId)).Count;
        using var staffView = await app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent)
            .WaitUntilReadableAsync($"/api/v1/staff/orders/{journey.OrderId}?minVersion={version}");
        using var customerView = await journey.Customer.WaitUntilReadableAsync($"/api/v1/orders/{journey.OrderId}?minVersion={version}");
        Assert.Contains("order.payment_exceeded_balance.v1", Events(staffView.RootElement.GetProperty("order")));
        Assert.DoesNotContain("order.payment_exceeded_balance.v1", Events(customerView.RootElement));
    }

    public static TheoryData<string> SignatureRefusals() => ["none", "garbage", "other body", "stale", "unknown secret", "future"];

    [Theory]
    [MemberData(nameof(SignatureRefusals))]
    public async Task an_unsigned_or_badly_signed_report_is_refused(string how)
    {
        var journey = await AcceptedOrderAsync();
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Report(journey.OrderId, 100m)));
        var signature = how switch
        {
            "none" => null,
            "garbage" => "t=abc,v1=zz",
            "other body" => PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes("{\"amount\":1}")),
            "stale" => PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow.AddMinutes(-6), body),
            "future" => PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow.AddMinutes(6), body),
            _ => PaymentSignatures.Sign("not-a-secret-of-ours", DateTimeOffset.UtcNow, body),
        };

        await ExpectRefusedAsync(journey, () => SendRawAsync(body, signature), HttpStatusCode.Unauthorized, "payment-signature-invalid");
    }

    [Fact]
    public async Task a_malformed_report_is_refused()
    {
        var journey = await AcceptedOrderAsync();
        var body = Encoding.UTF8.GetBytes("{\"eventId\":\"evt_1\",\"orderId\":");

        await ExpectRefusedAsync(journey, () => SendRawAsync(body, PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow, body)),
            HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task a_report_for_an_unknown_order_another_currency_or_a_cancelled_order_is_refused()
    {
        var journey = await AcceptedOrderAsync();
        await ExpectRefusedAsync(journey, () => app.NotifyPaymentAsync(Report(Guid.CreateVersion7(), 100m)), HttpStatusCode.NotFound, "not-found");
        await ExpectRefusedAsync(journey, () => app.NotifyPaymentAsync(Report(journey.OrderId, 100m) with { Currency = "USD" }),
            HttpStatusCode.Conflict, "rule:currency-mismatch");

        var cancelled = await OrderJourney.StartAsync(app);
        await cancelled.StepAsync(cancelled.Customer, "/api/v1/orders/{0}/cancellation", new { reason = "Changed my mind" });
        await ExpectRefusedAsync(cancelled, () => app.NotifyPaymentAsync(Report(cancelled.OrderId, 100m)), HttpStatusCode.Conflict, "rule:order-cancelled");
    }

    [Fact]
    public async Task a_body_over_the_limit_is_refused_before_it_is_read()
    {
        var journey = await AcceptedOrderAsync();
        var body = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 70 * 1024) + "\"}");

        using var response = await SendRawAsync(body, PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow, body));

        await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(journey.Version, (await app.ApiServices.EventsAsync(journey.OrderId)).Count);
    }

    private static List<string?> Events(System.Text.Json.JsonElement order) =>
        [.. order.GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("event").GetString())];

    private sealed record PaymentReport(
        [property: JsonPropertyName("eventId")] string EventId, [property: JsonPropertyName("orderId")] Guid OrderId,
        [property: JsonPropertyName("amount")] decimal Amount, [property: JsonPropertyName("currency")] string Currency,
        [property: JsonPropertyName("kind")] string Kind, [property: JsonPropertyName("paidAt")] DateTimeOffset PaidAt);

    private static PaymentReport Report(Guid orderId, decimal amount) =>
        new("evt_" + Guid.NewGuid().ToString("N"), orderId, amount, Streams.Currency, "Deposit", DateTimeOffset.UtcNow);

    private async Task<OrderJourney> AcceptedOrderAsync()
    {
        var journey = await OrderJourney.StartAsync(app);
        await journey.ScheduleSurveyAsync();
        await journey.CompleteSurveyAsync();
        await journey.IssueQuoteAsync();
        await journey.AcceptQuoteAsync();
        return journey;
    }

    private async Task<HttpResponseMessage> SendRawAsync(byte[] body, string? signature)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signature is not null) request.Headers.TryAddWithoutValidation(PaymentSignatures.Header, signature);
        return await client.SendAsync(request);
    }

    /// <summary>The refusal's problem type, nothing appended to the order, and a security event that says so.</summary>
    private async Task ExpectRefusedAsync(OrderJourney journey, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string type)
    {
        var before = SecurityEventsLogged();
        using (var response = await send()) await SupportDesk.ExpectProblemAsync(response, status, type);
        Assert.Equal(journey.Version, (await app.ApiServices.EventsAsync(journey.OrderId)).Count);
        Assert.True(SecurityEventsLogged() > before, "the refusal left no security event");
    }

    private int SecurityEventsLogged() => app.Logs.Text.Split(SecurityEvents.PaymentNotificationRefused.Name!).Length;
}
