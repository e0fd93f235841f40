using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Mail;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests.WritePath;

/// <summary>
/// Every POST route that dispatches a command, taken from the endpoint data source (a route without a scenario here
/// fails the first test): a replay with the same key and body gives the same status and body and appends nothing;
/// the same key with another body is a 422; three concurrent twins have exactly one effect; and, for every command
/// that changes an existing stream, two writers at the same version get one 2xx and one 409 with the current version.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class every_command_route_is_safe_to_retry_and_to_race(SolarEventsApp app)
{
    /// <summary>One prepared request: who sends it where, its body (variant 0, or another valid one for variant 1),
    /// and the existing stream it changes (null when it starts one, or appends no event). A route whose key is not the
    /// <c>Idempotency-Key</c> header (the payment provider's event id) brings its own way of sending.</summary>
    private sealed record Attempt(
        HttpClient Client, string Path, Func<int, object?> Body, Guid? Changes = null,
        Func<int, string, Task<(int Status, string Body)>>? Send = null);

    private Dictionary<string, Func<Task<Attempt>>> Scenarios => new()
    {
        ["POST /api/v1/orders"] = async () => new((await CustomerAsync()).Client, "/api/v1/orders",
            n => new { site = new { postalCode = "10115", city = "Berlin", countryCode = "DE" }, roof = "PitchedTile", estimatedKwp = 8.4m + n,
                system = new { panelCount = 20, panelModel = "SunPeak 420", inverterModel = "GridMax 8K", withBattery = true } }),
        ["POST /api/v1/accounts"] = () =>
        {
            var email = Identity.NewEmail();
            return Task.FromResult(new Attempt(app.Client(), "/api/v1/accounts", n => new { email = n == 0 ? email : Identity.NewEmail(), password = Identity.GoodPassword }));
        },
        ["POST /api/v1/accounts/me/contact-details"] = async () =>
        {
            var customer = await CustomerAsync();
            return new(customer.Client, "/api/v1/accounts/me/contact-details",
                n => new { password = Identity.GoodPassword, phone = $"+49 30 1234 56{n}", address = "Solarweg 1, Berlin" }, customer.Id);
        },
        ["POST /api/v1/accounts/me/email-verification"] = async () =>
        {
            var customer = await CustomerAsync();
            var code = Mailbox.CodeIn(await Mailbox.WaitForAsync(app, customer.Email, CustomerMails.VerificationSubject));
            return new(customer.Client, "/api/v1/accounts/me/email-verification", n => new { code = n == 0 ? code : "WRONG-CODE" }, customer.Id);
        },
        ["POST /api/v1/accounts/me/email-verification/resend"] = async () =>
            new((await CustomerAsync()).Client, "/api/v1/accounts/me/email-verification/resend", _ => null),
        ["POST /api/v1/staff/change-requests"] = async () =>
        {
            var orderId = await app.OrderReadyForInstallationAsync();
            return new(Agent(), "/api/v1/staff/change-requests", n => SupportDesk.OpenBody(orderId, SupportDesk.Reason + n, "TICKET-1", "Reschedule"));
        },
        ["POST /api/v1/staff/change-requests/{requestId:guid}/approval"] = async () =>
        {
            var requestId = await Agent().OpenRequestAsync(await app.OrderReadyForInstallationAsync(), "Refund");
            return new(Agent(), $"/api/v1/staff/change-requests/{requestId}/approval", n => new { comment = "Checked the call notes " + n }, requestId);
        },
        ["POST /api/v1/staff/change-requests/{requestId:guid}/rejection"] = async () =>
        {
            var requestId = await Agent().OpenRequestAsync(await app.OrderReadyForInstallationAsync(), "Refund");
            return new(Agent(), $"/api/v1/staff/change-requests/{requestId}/rejection", n => new { reason = "Not what the customer asked for " + n }, requestId);
        },
        ["POST /api/v1/staff/change-requests/{requestId:guid}/closure"] = async () =>
        {
            var opener = Agent();
            var requestId = await opener.OpenRequestAsync(await app.OrderReadyForInstallationAsync(), "Reschedule");
            return new(opener, $"/api/v1/staff/change-requests/{requestId}/closure", n => new { outcome = "Nothing to change " + n }, requestId);
        },
        ["POST /api/v1/staff/orders/{targetId:guid}/reschedule"] = () => OrderAmendmentAsync("reschedule", "Reschedule",
            (request, n) => new { changeRequestId = request, window = SupportDesk.Window(30 + n, 31 + n), reason = SupportDesk.Reason }),
        ["POST /api/v1/staff/orders/{targetId:guid}/system-configuration"] = () => OrderAmendmentAsync("system-configuration", "ChangeSystemConfiguration",
            (request, n) => new { changeRequestId = request, reason = SupportDesk.Reason,
                system = new { panelCount = 24 + n, panelModel = "SunPeak 420", inverterModel = "GridMax 8K", withBattery = true } }),
        ["POST /api/v1/staff/orders/{targetId:guid}/price-adjustments"] = () => OrderAmendmentAsync("price-adjustments", "PriceIncrease",
            (request, n) => new { changeRequestId = request, adjustment = new { amount = 100m + n, currency = Streams.Currency }, reason = SupportDesk.Reason }),
        ["POST /api/v1/staff/orders/{targetId:guid}/cancellation"] = () => OrderAmendmentAsync("cancellation", "CancelOrder",
            (request, n) => new { changeRequestId = request, reason = SupportDesk.Reason, refundDue = 100m + n }),
        ["POST /api/v1/staff/orders/{targetId:guid}/refunds"] = () => OrderAmendmentAsync("refunds", "Refund",
            (request, n) => new { changeRequestId = request, amount = new { amount = 100m + n, currency = Streams.Currency }, reason = SupportDesk.Reason }),
        ["POST /api/v1/staff/accounts/{targetId:guid}/contact-details"] = () => AccountAmendmentAsync("contact-details", "UpdateContactDetails",
            (request, n) => new { changeRequestId = request, phone = $"+49 30 9876 54{n}", address = "Sonnenallee 2, Berlin" }),
        ["POST /api/v1/staff/accounts/{targetId:guid}/suspension"] = () => AccountAmendmentAsync("suspension", "SuspendAccount",
            (request, n) => new { changeRequestId = request, reason = SupportDesk.Reason + n }),
        ["POST /api/v1/staff/accounts/{targetId:guid}/reactivation"] = async () =>
        {
            var agent = Agent();
            var accountId = await app.RegisteredCustomerAsync();
            var suspension = await OpenAsync(accountId, "SuspendAccount", opener: agent);
            await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/accounts/{accountId}/suspension",
                new { changeRequestId = suspension, reason = SupportDesk.Reason }, ifMatch: 1), HttpStatusCode.OK);
            var request = await OpenAsync(accountId, "ReactivateAccount", opener: agent);
            return new(agent, $"/api/v1/staff/accounts/{accountId}/reactivation", n => new { changeRequestId = request, reason = SupportDesk.Reason + n }, accountId);
        },
        ["POST /api/v1/staff/accounts/{targetId:guid}/erasure"] = async () =>
        {
            var accountId = await app.RegisteredCustomerAsync();
            var request = await OpenAsync(accountId, "ErasePersonalData");
            return new(app.ClientFor(Guid.CreateVersion7(), Roles.Compliance), $"/api/v1/staff/accounts/{accountId}/erasure",
                n => n == 0 ? new { changeRequestId = request } : new { changeRequestId = (Guid?)Guid.CreateVersion7() }, accountId);
        },
        ["POST /api/v1/break-glass/requests"] = async () =>
        {
            var accountId = await app.RegisteredCustomerAsync();
            return new((await EngineerAsync()).Client, "/api/v1/break-glass/requests",
                n => new { accountId, reason = "Incident needs this customer's data to be checked " + n, incidentReference = "INC-42" });
        },
        ["POST /api/v1/break-glass/requests/{requestId:guid}/start"] = async () =>
        {
            var (_, engineer) = await EngineerAsync();
            var requestId = await BreakGlassRequestAsync(engineer);
            var until = DateTimeOffset.UtcNow.AddHours(1);
            return new(engineer, $"/api/v1/break-glass/requests/{requestId}/start", n => new { until = until.AddMinutes(n) });
        },
        ["POST /api/v1/break-glass/end"] = async () =>
        {
            var (engineerId, engineer) = await EngineerAsync();
            var requestId = await BreakGlassRequestAsync(engineer);
            await SupportDesk.ExpectAsync(await engineer.PostAsync($"/api/v1/break-glass/requests/{requestId}/start",
                new { until = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.OK);
            return new(engineer, "/api/v1/break-glass/end", _ => null, engineerId);
        },
        ["POST /api/v1/orders/{orderId:guid}/quote-acceptance"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            await journey.ScheduleSurveyAsync();
            await journey.CompleteSurveyAsync();
            await journey.IssueQuoteAsync();
            return new(journey.Customer, $"/api/v1/orders/{journey.OrderId}/quote-acceptance",
                n => new { quoteId = n == 0 ? journey.QuoteId : Guid.CreateVersion7() }, journey.OrderId);
        },
        ["POST /api/v1/orders/{orderId:guid}/cancellation"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            return new(journey.Customer, $"/api/v1/orders/{journey.OrderId}/cancellation", n => new { reason = "Changed my mind " + n }, journey.OrderId);
        },
        ["POST /api/v1/sales/orders/{orderId:guid}/site-survey"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            var at = DateTimeOffset.UtcNow.AddDays(3);
            return new(journey.Sales, $"/api/v1/sales/orders/{journey.OrderId}/site-survey",
                n => new { surveyAt = at.AddDays(n), crewId = journey.Crew.CrewId }, journey.OrderId);
        },
        ["POST /api/v1/sales/orders/{orderId:guid}/quotes"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            await journey.ScheduleSurveyAsync();
            await journey.CompleteSurveyAsync();
            var validUntil = DateTimeOffset.UtcNow.AddDays(30);
            return new(journey.Sales, $"/api/v1/sales/orders/{journey.OrderId}/quotes", n => new
            {
                lines = new[] { new { description = "Panels and inverter", quantity = 20m, unitPrice = 450m + n } }, currency = Streams.Currency, validUntil,
            }, journey.OrderId);
        },
        ["POST /api/v1/sales/orders/{orderId:guid}/installation"] = async () =>
        {
            var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
            return new(journey.Sales, $"/api/v1/sales/orders/{journey.OrderId}/installation",
                n => new { window = SupportDesk.Window(20 + n, 21 + n), crewId = journey.Crew.CrewId }, journey.OrderId);
        },
        ["POST /api/v1/sales/orders/{orderId:guid}/grid-connection"] = async () =>
        {
            var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
            await journey.ScheduleInstallationAsync();
            await journey.RecordInstallationAsync();
            return new(journey.Sales, $"/api/v1/sales/orders/{journey.OrderId}/grid-connection", n => new { gridOperatorReference = "NETZ-" + n }, journey.OrderId);
        },
        ["POST /api/v1/field/orders/{orderId:guid}/site-survey/completion"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            await journey.ScheduleSurveyAsync();
            return new(journey.Crew.Client, $"/api/v1/field/orders/{journey.OrderId}/site-survey/completion",
                n => new { findings = "Flat roof " + n, adjustedKwp = 8m }, journey.OrderId);
        },
        ["POST /api/v1/field/orders/{orderId:guid}/installation/completion"] = async () =>
        {
            var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
            await journey.ScheduleInstallationAsync();
            return new(journey.Crew.Client, $"/api/v1/field/orders/{journey.OrderId}/installation/completion", _ => null, journey.OrderId);
        },
        ["POST /api/v1/field/orders/{orderId:guid}/activation"] = async () =>
        {
            var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
            await journey.ScheduleInstallationAsync();
            await journey.RecordInstallationAsync();
            await journey.ApproveGridConnectionAsync();
            return new(journey.Crew.Client, $"/api/v1/field/orders/{journey.OrderId}/activation", _ => null, journey.OrderId);
        },
        ["POST /api/v1/payments/notifications"] = async () =>
        {
            var journey = await OrderJourney.StartAsync(app);
            await journey.ScheduleSurveyAsync();
            await journey.CompleteSurveyAsync();
            await journey.IssueQuoteAsync();
            await journey.AcceptQuoteAsync();
            var paidAt = DateTimeOffset.UtcNow;
            // The provider's event id is its key; the same id with another amount is another report under the same key.
            object Report(int n, string key) => new { eventId = key, orderId = journey.OrderId, amount = 1_000m + n, currency = Streams.Currency, kind = "Deposit", paidAt };
            return new(app.Client(), "/api/v1/payments/notifications", n => Report(n, "fixed"), Changes: null, Send: async (n, key) =>
            {
                using var response = await app.NotifyPaymentAsync(Report(n, key));
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            });
        },
        ["POST /api/v1/employees/{employeeId:guid}/crew"] = async () =>
        {
            var admin = await AdminAsync();
            var employee = await Employees.OnboardAsync(app, admin, "Installer");
            var crews = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
            return new(admin, $"/api/v1/employees/{employee.Id}/crew", n => new { crewId = crews[n] }, employee.Id);
        },
        ["POST /api/v1/employees"] = async () =>
        {
            var email = Identity.NewEmail();
            return new(await AdminAsync(), "/api/v1/employees", n => new { displayName = "New Person " + n, workEmail = email });
        },
        ["POST /api/v1/employees/{employeeId:guid}/roles"] = async () =>
        {
            var admin = await AdminAsync();
            var employee = await Employees.OnboardAsync(app, admin);
            return new(admin, $"/api/v1/employees/{employee.Id}/roles", n => new { role = n == 0 ? "Sales" : "Engineer" }, employee.Id);
        },
        ["POST /api/v1/employees/{employeeId:guid}/roles/{role}/revoke"] = async () =>
        {
            var admin = await AdminAsync();
            var employee = await Employees.OnboardAsync(app, admin, "Sales");
            return new(admin, $"/api/v1/employees/{employee.Id}/roles/Sales/revoke", n => new { reason = "Moved teams " + n }, employee.Id);
        },
        ["POST /api/v1/employees/{employeeId:guid}/offboard"] = async () =>
        {
            var admin = await AdminAsync();
            var employee = await Employees.OnboardAsync(app, admin, "Sales");
            return new(admin, $"/api/v1/employees/{employee.Id}/offboard", n => new { reason = "Left the company " + n }, employee.Id);
        },
        ["POST /api/v1/employees/{employeeId:guid}/admin-nomination"] = async () =>
        {
            var admin = await AdminAsync();
            var employee = await Employees.OnboardAsync(app, admin, "Sales");
            return new(admin, $"/api/v1/employees/{employee.Id}/admin-nomination", n => new { reason = NominationReason + n }, employee.Id);
        },
        ["POST /api/v1/employees/{employeeId:guid}/admin-nomination/approve"] = async () =>
        {
            var employeeId = await NominatedAsync();
            return new(app.ClientFor(Guid.CreateVersion7(), Roles.Compliance), $"/api/v1/employees/{employeeId}/admin-nomination/approve", _ => null, employeeId);
        },
        ["POST /api/v1/employees/{employeeId:guid}/admin-nomination/reject"] = async () =>
        {
            var employeeId = await NominatedAsync();
            return new(app.ClientFor(Guid.CreateVersion7(), Roles.Compliance), $"/api/v1/employees/{employeeId}/admin-nomination/reject",
                n => new { reason = "Not needed in that team " + n }, employeeId);
        },
    };

    [Fact]
    public void every_route_that_dispatches_a_command_has_a_scenario()
    {
        var routes = every_endpoint_and_command_has_a_policy.Endpoints(app)
            .Where(e => e.Endpoint.Metadata.GetMetadata<DispatchesCommand>() is not null).Select(e => e.Key).Order().ToList();

        Assert.True(routes.Count >= 25, "the scan found too few command routes to be trusted");
        Assert.Equal(routes, Scenarios.Keys.Order().ToList());
    }

    [Fact]
    public async Task a_replay_returns_the_first_answer_and_appends_nothing()
    {
        foreach (var (route, prepare) in Scenarios)
        {
            var attempt = await prepare();
            var key = Guid.NewGuid().ToString();
            var version = await VersionAsync(attempt.Changes);
            var (firstStatus, firstBody) = await SendAsync(attempt, 0, key, version);
            var events = await EventCountAsync();
            var (replayStatus, replayBody) = await SendAsync(attempt, 0, key, version);

            Assert.True(firstStatus is >= 200 and < 300, $"{route}: the first attempt answered {firstStatus}: {firstBody}");
            Assert.Equal((firstStatus, firstBody), (replayStatus, replayBody));
            Assert.True(events == await EventCountAsync(), $"{route}: the replay appended events");
        }
    }

    [Fact]
    public async Task another_body_under_the_same_key_is_refused()
    {
        foreach (var (route, prepare) in Scenarios)
        {
            var attempt = await prepare();
            if (attempt.Body(1) is null) continue; // no body: nothing else could be sent under the key
            var key = Guid.NewGuid().ToString();
            var version = await VersionAsync(attempt.Changes);
            var (firstStatus, firstBody) = await SendAsync(attempt, 0, key, version);
            var events = await EventCountAsync();
            var (otherStatus, otherBody) = await SendAsync(attempt, 1, key, version);

            Assert.True(firstStatus is >= 200 and < 300, $"{route}: the first attempt answered {firstStatus}: {firstBody}");
            Assert.True(otherStatus == 422 && otherBody.Contains("idempotency-key-reused", StringComparison.Ordinal), $"{route}: {otherStatus} {otherBody}");
            Assert.Equal(events, await EventCountAsync());
        }
    }

    [Fact]
    public async Task three_concurrent_twins_have_exactly_one_effect()
    {
        foreach (var (route, prepare) in Scenarios)
        {
            var single = await prepare();
            var before = await EventCountAsync();
            var (status, _) = await SendAsync(single, 0, Guid.NewGuid().ToString(), await VersionAsync(single.Changes));
            var oneEffect = await EventCountAsync() - before;

            var twins = await prepare();
            var key = Guid.NewGuid().ToString();
            var version = await VersionAsync(twins.Changes);
            before = await EventCountAsync();
            var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SendAsync(twins, 0, key, version)));

            Assert.All(answers, answer => Assert.True(answer == answers[0], $"{route}: twins answered {answer.Status} {answer.Body} and {answers[0].Status} {answers[0].Body}"));
            Assert.Equal(status, answers[0].Status);
            Assert.True(oneEffect == await EventCountAsync() - before, $"{route}: three twins appended other than one request's {oneEffect} events");
        }
    }

    [Fact]
    public async Task two_writers_at_the_same_version_one_wins_and_the_other_gets_409_with_the_current_version()
    {
        foreach (var (route, prepare) in Scenarios)
        {
            var attempt = await prepare();
            if (attempt.Changes is null) continue; // starts a stream or appends no event: there is no version to race for
            var version = await VersionAsync(attempt.Changes);
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => SendAsync(attempt, 0, Guid.NewGuid().ToString(), version)));

            Assert.True(answers.Count(a => a.Status is >= 200 and < 300) == 1, $"{route}: {string.Join(" / ", answers.Select(a => $"{a.Status} {a.Body}"))}");
            var lost = answers.Single(a => a.Status is < 200 or >= 300);
            Assert.True(lost.Status == 409, $"{route}: the loser answered {lost.Status} {lost.Body}");
            using var problem = JsonDocument.Parse(lost.Body);
            Assert.Equal("urn:solarevents:problem:concurrency-conflict", problem.RootElement.GetProperty("type").GetString());
            Assert.True(problem.RootElement.GetProperty("currentVersion").GetInt64() > version!.Value, $"{route}: {lost.Body}");
        }
    }

    private const string NominationReason = "Needs to administer the new field crews from next month";

    private static async Task<(int Status, string Body)> SendAsync(Attempt attempt, int variant, string key, long? ifMatch)
    {
        if (attempt.Send is { } send) return await send(variant, key);
        using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Path)
        {
            Content = attempt.Body(variant) is { } body ? JsonContent.Create(body) : JsonContent.Create(new { }),
        };
        request.Headers.Add(CommandDispatch.KeyHeader, key);
        if (ifMatch is { } version) request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await attempt.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<long?> VersionAsync(Guid? stream)
    {
        if (stream is null) return null;
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(stream.Value))?.Version;
    }

    /// <summary>The domain's events in the whole store (not Marten's tombstones, which fill a failed commit's
    /// sequence numbers a moment later, off the request's path).</summary>
    private async Task<int> EventCountAsync()
    {
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName.IsOneOf(CatalogNames)).CountAsync();
    }

    private static readonly string[] CatalogNames = [.. SolarEvents.Domain.EventCatalog.Current.Select(e => e.Name)];

    private HttpClient Agent() => app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);

    /// <summary>An admin of its own per scenario: one admin's many requests here would meet the per-user rate limit.</summary>
    private Task<HttpClient> AdminAsync() => Task.FromResult(app.ClientFor(Guid.CreateVersion7(), Roles.Admin));

    private async Task<(Guid Id, string Email, HttpClient Client)> CustomerAsync()
    {
        var (email, accessToken, _) = await Identity.NewCustomerAsync(app);
        return ((await app.CredentialOfAsync(email)).Id, email, app.Client(accessToken));
    }

    private async Task<(Guid Id, HttpClient Client)> EngineerAsync()
    {
        var onboarded = await Employees.OnboardAsync(app, await AdminAsync(), "Engineer");
        return (onboarded.Id, app.ClientFor(onboarded.Id, Roles.Engineer));
    }

    /// <summary>A request opened by one agent and, when its category is sensitive, approved by another.</summary>
    private async Task<Guid> OpenAsync(Guid target, string category, HttpClient? opener = null)
    {
        var requestId = await (opener ?? Agent()).OpenRequestAsync(target, category);
        if (ChangeCategories.IsSensitive(Enum.Parse<ChangeCategory>(category))) await Agent().ApproveAsync(requestId);
        return requestId;
    }

    private async Task<Attempt> OrderAmendmentAsync(string path, string category, Func<Guid, int, object> body)
    {
        var agent = Agent();
        var orderId = await app.OrderReadyForInstallationAsync();
        var request = await OpenAsync(orderId, category, opener: agent);
        return new(agent, $"/api/v1/staff/orders/{orderId}/{path}", n => body(request, n), orderId);
    }

    private async Task<Attempt> AccountAmendmentAsync(string path, string category, Func<Guid, int, object> body)
    {
        var agent = Agent();
        var accountId = await app.RegisteredCustomerAsync();
        var request = await OpenAsync(accountId, category, opener: agent);
        return new(agent, $"/api/v1/staff/accounts/{accountId}/{path}", n => body(request, n), accountId);
    }

    private async Task<Guid> BreakGlassRequestAsync(HttpClient engineer)
    {
        var accountId = await app.RegisteredCustomerAsync();
        var created = await SupportDesk.ExpectAsync(await engineer.PostAsync("/api/v1/break-glass/requests",
            new { accountId, reason = "Incident needs this customer's data to be checked", incidentReference = "INC-42" }), HttpStatusCode.Created);
        var requestId = created.GetProperty("streamId").GetGuid();
        await Agent().ApproveAsync(requestId);
        return requestId;
    }

    private async Task<Guid> NominatedAsync()
    {
        var admin = await AdminAsync();
        var employee = await Employees.OnboardAsync(app, admin, "Sales");
        await SupportDesk.ExpectAsync(await admin.PostAsync($"/api/v1/employees/{employee.Id}/admin-nomination", new { reason = NominationReason }),
            HttpStatusCode.OK);
        return employee.Id;
    }
}
