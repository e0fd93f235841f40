using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Payments;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>An installer of a field crew, onboarded and assigned by an admin through the routes.</summary>
public sealed record CrewMember(Guid EmployeeId, Guid CrewId, HttpClient Client);

/// <summary>
/// An order taken through its lifecycle the way the apps and the staff do it: every step is a route, sent with the
/// version last answered (<c>If-Match</c>) and an <c>Idempotency-Key</c>. <see cref="Version"/> follows the order.
/// </summary>
public sealed class OrderJourney(SolarEventsApp app, HttpClient customer, CrewMember crew)
{
    /// <summary>A few crews taken in turn: one installer's many requests would meet the per-user rate limit.</summary>
    private const int SharedCrews = 6;

    private static readonly ConcurrentDictionary<(SolarEventsApp, int), Task<CrewMember>> Crews = new();

    private static int _nextCrew;

    public Guid OrderId { get; private set; }

    public long Version { get; private set; }

    public Guid QuoteId { get; private set; }

    public HttpClient Customer => customer;

    public HttpClient Sales { get; } = app.ClientFor(Guid.CreateVersion7(), Roles.Sales);

    public CrewMember Crew => crew;

    /// <summary>A new order requested by <paramref name="customer"/> (a customer of no account of its own when null),
    /// surveyed and installed by <paramref name="crew"/> (one shared crew when null).</summary>
    public static async Task<OrderJourney> StartAsync(SolarEventsApp app, HttpClient? customer = null, CrewMember? crew = null)
    {
        var journey = new OrderJourney(app, customer ?? app.ClientFor(Guid.CreateVersion7(), Roles.Customer), crew ?? await SharedCrewAsync(app));
        journey.OrderId = await journey.Customer.RequestQuoteAsync();
        journey.Version = 1;
        return journey;
    }

    /// <summary>A crew for the tests that do not care which.</summary>
    public static Task<CrewMember> SharedCrewAsync(SolarEventsApp app) =>
        Crews.GetOrAdd((app, Interlocked.Increment(ref _nextCrew) % SharedCrews), key => NewCrewAsync(key.Item1));

    public static async Task<CrewMember> NewCrewAsync(SolarEventsApp app)
    {
        using var admin = app.ClientFor(Guid.CreateVersion7(), Roles.Admin);
        var installer = await Employees.OnboardAsync(app, admin, "Installer");
        var crewId = Guid.CreateVersion7();
        await SupportDesk.ExpectAsync(await admin.PostAsync($"/api/v1/employees/{installer.Id}/crew", new { crewId }), HttpStatusCode.OK);
        return new CrewMember(installer.Id, crewId, app.ClientFor(installer.Id, Roles.Installer));
    }

    public Task<JsonElement> ScheduleSurveyAsync(int inDays = 3) =>
        StepAsync(Sales, "/api/v1/sales/orders/{0}/site-survey", new { surveyAt = DateTimeOffset.UtcNow.AddDays(inDays), crewId = crew.CrewId });

    public Task<JsonElement> CompleteSurveyAsync() =>
        StepAsync(crew.Client, "/api/v1/field/orders/{0}/site-survey/completion", new { findings = "South-facing roof, no shading", adjustedKwp = 8.4m });

    /// <summary>Issues a quote of <see cref="Streams.QuoteTotal"/> and learns its id from the order's events.</summary>
    public async Task<JsonElement> IssueQuoteAsync(int validDays = 30)
    {
        var answer = await StepAsync(Sales, "/api/v1/sales/orders/{0}/quotes", new
        {
            lines = new[]
            {
                new { description = "Panels and inverter", quantity = 20m, unitPrice = 450m },
                new { description = "Installation", quantity = 1m, unitPrice = 3_000m },
            },
            currency = Streams.Currency,
            validUntil = DateTimeOffset.UtcNow.AddDays(validDays),
        }, HttpStatusCode.Created);
        QuoteId = (await app.ApiServices.EventsAsync(OrderId)).Select(e => e.Data).OfType<Domain.Orders.QuoteIssued>().Last().QuoteId;
        return answer;
    }

    public Task<JsonElement> AcceptQuoteAsync() => StepAsync(customer, "/api/v1/orders/{0}/quote-acceptance", new { quoteId = QuoteId });

    public async Task PayAsync(decimal amount, string kind = "Deposit")
    {
        using var response = await app.NotifyPaymentAsync(new
        {
            eventId = "evt_" + Guid.NewGuid().ToString("N"), orderId = OrderId, amount, currency = Streams.Currency, kind, paidAt = DateTimeOffset.UtcNow,
        });
        Version = (await SupportDesk.ExpectAsync(response, HttpStatusCode.OK)).GetProperty("version").GetInt64();
    }

    public Task<JsonElement> ScheduleInstallationAsync() =>
        StepAsync(Sales, "/api/v1/sales/orders/{0}/installation", new { window = SupportDesk.Window(20, 21), crewId = crew.CrewId });

    public Task<JsonElement> RecordInstallationAsync() => StepAsync(crew.Client, "/api/v1/field/orders/{0}/installation/completion", new { });

    public Task<JsonElement> ApproveGridConnectionAsync() =>
        StepAsync(Sales, "/api/v1/sales/orders/{0}/grid-connection", new { gridOperatorReference = "NETZ-2026-0042" });

    public Task<JsonElement> ActivateAsync() => StepAsync(crew.Client, "/api/v1/field/orders/{0}/activation", new { });

    /// <summary>Surveyed, quoted, accepted and the quote's deposit paid: version 6.</summary>
    public async Task<OrderJourney> AcceptedAsync()
    {
        await ScheduleSurveyAsync();
        await CompleteSurveyAsync();
        await IssueQuoteAsync();
        await AcceptQuoteAsync();
        await PayAsync(Streams.Paid);
        return this;
    }

    /// <summary>Sends one step and expects it to pass; the order's new version is remembered.</summary>
    public async Task<JsonElement> StepAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, OrderId), body, Version);
        var answer = await SupportDesk.ExpectAsync(response, expected);
        Version = answer.GetProperty("version").GetInt64();
        return answer;
    }
}

public static class Journeys
{
    /// <summary>Quote accepted, a deposit of <see cref="Streams.Paid"/> in, installation scheduled: version 7.</summary>
    public static async Task<Guid> OrderReadyForInstallationAsync(this SolarEventsApp app)
    {
        var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
        await journey.ScheduleInstallationAsync();
        return journey.OrderId;
    }

    /// <summary>A customer registered through the route, with name, phone and address; their account's id.</summary>
    public static async Task<Guid> RegisteredCustomerAsync(this SolarEventsApp app)
    {
        var email = Identity.NewEmail();
        using var client = app.Client();
        using var response = await client.PostAsJsonAsync("/api/v1/accounts",
            new { email, password = Identity.GoodPassword, name = "Ada Lovelace", phone = "+44 20 7946 0018", address = "12 Analytical Row, London" });
        await SupportDesk.ExpectAsync(response, HttpStatusCode.Accepted);
        return (await app.CredentialOfAsync(email)).Id;
    }

    /// <summary>What the payment provider sends: the body signed with the active secret, now.</summary>
    public static async Task<HttpResponseMessage> NotifyPaymentAsync(this SolarEventsApp app, object report, string? secret = null, DateTimeOffset? signedAt = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(report);
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.TryAddWithoutValidation(PaymentSignatures.Header,
            PaymentSignatures.Sign(secret ?? app.PaymentSecret, signedAt ?? DateTimeOffset.UtcNow, body));
        return await client.SendAsync(request);
    }
}
