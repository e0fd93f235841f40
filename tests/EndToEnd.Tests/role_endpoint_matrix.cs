using System.Net;
using System.Net.Http.Json;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// Every endpoint called anonymously and as every role. "Allowed" means the request got past authorization
/// (any answer but 401/403: usually 400 for the empty body, 404 for a made-up id); a refusal is 401 without
/// a token and 403 with the wrong role. A new endpoint without a row here fails the coverage test.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class role_endpoint_matrix(SolarEventsApp app)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Callers = [Anonymous, .. Roles.All];
    private static readonly string[] Everyone = Callers;
    private static readonly string[] SignedIn = [.. Roles.All];
    private static readonly Guid SomeId = Guid.CreateVersion7();
    private const string PaymentWebhook = "POST /api/v1/payments/notifications";

    /// <summary>Route pattern (as EndpointDataSource spells it), the path to call, the body, who is allowed.</summary>
    private static readonly (string Pattern, string Path, Func<object> Body, string[] Allowed)[] Rows =
    [
        ("* /health/live", "GET /health/live", () => new { }, Everyone),
        ("* /health/ready", "GET /health/ready", () => new { }, Everyone),
        ("POST /api/v1/auth/token", "POST /api/v1/auth/token", () => new { }, Everyone),
        ("POST /api/v1/auth/refresh", "POST /api/v1/auth/refresh", () => new { }, Everyone),
        ("POST /api/v1/auth/logout", "POST /api/v1/auth/logout", () => new { }, Everyone),
        ("POST /api/v1/auth/activate", "POST /api/v1/auth/activate", () => new { }, Everyone),
        ("POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset", () => new { }, Everyone),
        ("POST /api/v1/auth/password-reset/confirm", "POST /api/v1/auth/password-reset/confirm", () => new { }, Everyone),
        ("POST /api/v1/accounts", "POST /api/v1/accounts", () => new { email = Identity.NewEmail(), password = Identity.GoodPassword }, [Anonymous]),
        ("POST /api/v1/auth/mfa/totp", "POST /api/v1/auth/mfa/totp", () => new { }, SignedIn),
        ("POST /api/v1/auth/mfa/totp/confirm", "POST /api/v1/auth/mfa/totp/confirm", () => new { }, SignedIn),
        ("POST /api/v1/auth/password", "POST /api/v1/auth/password", () => new { }, SignedIn),
        ("POST /api/v1/orders", "POST /api/v1/orders", () => new { }, [Roles.Customer]),
        ("GET /api/v1/orders/{orderId:guid}", $"GET /api/v1/orders/{SomeId}", () => new { }, [Roles.Customer]),
        ("POST /api/v1/orders/{orderId:guid}/quote-acceptance", $"POST /api/v1/orders/{SomeId}/quote-acceptance", () => new { }, [Roles.Customer]),
        ("POST /api/v1/orders/{orderId:guid}/cancellation", $"POST /api/v1/orders/{SomeId}/cancellation", () => new { }, [Roles.Customer]),
        ("POST /api/v1/sales/orders/{orderId:guid}/site-survey", $"POST /api/v1/sales/orders/{SomeId}/site-survey", () => new { }, [Roles.Sales]),
        ("POST /api/v1/sales/orders/{orderId:guid}/quotes", $"POST /api/v1/sales/orders/{SomeId}/quotes", () => new { }, [Roles.Sales]),
        ("POST /api/v1/sales/orders/{orderId:guid}/installation", $"POST /api/v1/sales/orders/{SomeId}/installation", () => new { }, [Roles.Sales]),
        ("POST /api/v1/sales/orders/{orderId:guid}/grid-connection", $"POST /api/v1/sales/orders/{SomeId}/grid-connection", () => new { }, [Roles.Sales]),
        ("POST /api/v1/field/orders/{orderId:guid}/site-survey/completion", $"POST /api/v1/field/orders/{SomeId}/site-survey/completion", () => new { }, [Roles.Installer]),
        ("POST /api/v1/field/orders/{orderId:guid}/installation/completion", $"POST /api/v1/field/orders/{SomeId}/installation/completion", () => new { }, [Roles.Installer]),
        ("POST /api/v1/field/orders/{orderId:guid}/activation", $"POST /api/v1/field/orders/{SomeId}/activation", () => new { }, [Roles.Installer]),
        ("POST /api/v1/employees/{employeeId:guid}/crew", $"POST /api/v1/employees/{SomeId}/crew", () => new { }, [Roles.Admin]),
        // Signed like the provider signs (see the test): anyone reaches the signature check, only the tokenless pass the rule.
        (PaymentWebhook, PaymentWebhook, () => new { eventId = "evt_matrix", orderId = SomeId, amount = 1m, currency = "EUR", kind = "Deposit", paidAt = DateTimeOffset.UtcNow },
            [Anonymous]),
        ("POST /api/v1/employees", "POST /api/v1/employees", () => new { }, [Roles.Admin]),
        ("POST /api/v1/employees/{employeeId:guid}/roles", $"POST /api/v1/employees/{SomeId}/roles", () => new { }, [Roles.Admin]),
        ("POST /api/v1/employees/{employeeId:guid}/roles/{role}/revoke", $"POST /api/v1/employees/{SomeId}/roles/Sales/revoke", () => new { }, [Roles.Admin]),
        ("POST /api/v1/employees/{employeeId:guid}/offboard", $"POST /api/v1/employees/{SomeId}/offboard", () => new { }, [Roles.Admin]),
        ("POST /api/v1/employees/{employeeId:guid}/admin-nomination", $"POST /api/v1/employees/{SomeId}/admin-nomination", () => new { }, [Roles.Admin]),
        ("POST /api/v1/employees/{employeeId:guid}/admin-nomination/approve", $"POST /api/v1/employees/{SomeId}/admin-nomination/approve", () => new { }, [Roles.Admin, Roles.Compliance]),
        ("POST /api/v1/employees/{employeeId:guid}/admin-nomination/reject", $"POST /api/v1/employees/{SomeId}/admin-nomination/reject", () => new { }, [Roles.Admin, Roles.Compliance]),
        ("GET /openapi/{documentName}.json", $"GET /openapi/v1.json", () => new { }, Everyone),
        ("GET /api/v1/orders", $"GET /api/v1/orders", () => new { }, [Roles.Customer]),
        ("GET /api/v1/accounts/me", $"GET /api/v1/accounts/me", () => new { }, [Roles.Customer]),
        ("POST /api/v1/accounts/me/contact-details", $"POST /api/v1/accounts/me/contact-details", () => new { }, [Roles.Customer]),
        ("POST /api/v1/accounts/me/email-verification", "POST /api/v1/accounts/me/email-verification", () => new { }, [Roles.Customer]),
        ("POST /api/v1/accounts/me/email-verification/resend", "POST /api/v1/accounts/me/email-verification/resend", () => new { }, [Roles.Customer]),
        ("GET /api/v1/sales/pipeline", $"GET /api/v1/sales/pipeline", () => new { }, [Roles.Sales]),
        ("GET /api/v1/sales/orders/{orderId:guid}", $"GET /api/v1/sales/orders/{SomeId}", () => new { }, [Roles.Sales]),
        ("GET /api/v1/field/jobs", "GET /api/v1/field/jobs", () => new { }, [Roles.Installer]),
        ("GET /api/v1/ops/projections", $"GET /api/v1/ops/projections", () => new { }, [Roles.Engineer]),
        ("POST /api/v1/break-glass/requests", "POST /api/v1/break-glass/requests", () => new { }, [Roles.Engineer]),
        ("POST /api/v1/break-glass/requests/{requestId:guid}/start", $"POST /api/v1/break-glass/requests/{SomeId}/start", () => new { }, [Roles.Engineer]),
        ("POST /api/v1/break-glass/end", "POST /api/v1/break-glass/end", () => new { }, [Roles.Engineer]),
        ("GET /api/v1/break-glass/accounts/{accountId:guid}", $"GET /api/v1/break-glass/accounts/{SomeId}", () => new { }, [Roles.Engineer]),
        ("GET /api/v1/staff/orders/{orderId:guid}", $"GET /api/v1/staff/orders/{SomeId}", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("GET /api/v1/staff/change-requests", $"GET /api/v1/staff/change-requests", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("GET /api/v1/staff/change-requests/{requestId:guid}/trail", $"GET /api/v1/staff/change-requests/{SomeId}/trail", () => new { }, [Roles.SupportAgent, Roles.Admin, Roles.Compliance]),
        ("GET /api/v1/staff/orders/{targetId:guid}/change-requests", $"GET /api/v1/staff/orders/{SomeId}/change-requests", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("GET /api/v1/staff/accounts/{targetId:guid}/change-requests", $"GET /api/v1/staff/accounts/{SomeId}/change-requests", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("POST /api/v1/staff/change-requests", $"POST /api/v1/staff/change-requests", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/change-requests/{requestId:guid}/approval", $"POST /api/v1/staff/change-requests/{SomeId}/approval", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("POST /api/v1/staff/change-requests/{requestId:guid}/closure", $"POST /api/v1/staff/change-requests/{SomeId}/closure", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/change-requests/{requestId:guid}/rejection", $"POST /api/v1/staff/change-requests/{SomeId}/rejection", () => new { }, [Roles.SupportAgent, Roles.Admin]),
        ("POST /api/v1/staff/orders/{targetId:guid}/cancellation", $"POST /api/v1/staff/orders/{SomeId}/cancellation", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/orders/{targetId:guid}/price-adjustments", $"POST /api/v1/staff/orders/{SomeId}/price-adjustments", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/orders/{targetId:guid}/refunds", $"POST /api/v1/staff/orders/{SomeId}/refunds", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/orders/{targetId:guid}/reschedule", $"POST /api/v1/staff/orders/{SomeId}/reschedule", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/orders/{targetId:guid}/system-configuration", $"POST /api/v1/staff/orders/{SomeId}/system-configuration", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/accounts/{targetId:guid}/contact-details", $"POST /api/v1/staff/accounts/{SomeId}/contact-details", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/accounts/{targetId:guid}/reactivation", $"POST /api/v1/staff/accounts/{SomeId}/reactivation", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/accounts/{targetId:guid}/suspension", $"POST /api/v1/staff/accounts/{SomeId}/suspension", () => new { }, [Roles.SupportAgent]),
        ("GET /api/v1/staff/accounts/{accountId:guid}", $"GET /api/v1/staff/accounts/{SomeId}", () => new { }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/accounts/search", $"POST /api/v1/staff/accounts/search", () => new { email = "nobody@example.test" }, [Roles.SupportAgent]),
        ("POST /api/v1/staff/accounts/{targetId:guid}/erasure", $"POST /api/v1/staff/accounts/{SomeId}/erasure", () => new { }, [Roles.Compliance, Roles.Admin]),
        ("GET /api/v1/compliance/customers/{customerId:guid}/personal-data-reads", $"GET /api/v1/compliance/customers/{SomeId}/personal-data-reads", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/accounts/{accountId:guid}/state", $"GET /api/v1/compliance/accounts/{SomeId}/state", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/change-requests/{changeRequestId:guid}/amendments", $"GET /api/v1/compliance/change-requests/{SomeId}/amendments", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/digests/latest", $"GET /api/v1/compliance/digests/latest", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/digests/public-key", $"GET /api/v1/compliance/digests/public-key", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/employees/{employeeId:guid}/actions", $"GET /api/v1/compliance/employees/{SomeId}/actions", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/exports/customers/{customerId:guid}", $"GET /api/v1/compliance/exports/customers/{SomeId}", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/exports/streams/{streamId:guid}", $"GET /api/v1/compliance/exports/streams/{SomeId}", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/orders/{orderId:guid}/state", $"GET /api/v1/compliance/orders/{SomeId}/state", () => new { }, [Roles.Compliance]),
        ("GET /api/v1/compliance/streams/{streamId:guid}/events", $"GET /api/v1/compliance/streams/{SomeId}/events", () => new { }, [Roles.Compliance]),
        ("POST /api/v1/compliance/digests", $"POST /api/v1/compliance/digests", () => new { }, [Roles.Compliance]),
        ("POST /api/v1/compliance/verification", $"POST /api/v1/compliance/verification", () => new { }, [Roles.Compliance]),
    ];

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Rows)
        {
            foreach (var caller in Callers) data.Add(row.Pattern, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task each_role_gets_exactly_its_access(string pattern, string caller)
    {
        var row = Rows.Single(r => r.Pattern == pattern);
        var parts = row.Path.Split(' ');
        using var client = caller == Anonymous ? app.Client() : app.Client(app.TokenFor(Guid.CreateVersion7(), caller));
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        if (parts[0] != "GET") request.Content = JsonContent.Create(row.Body());
        if (pattern == PaymentWebhook)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(row.Body());
            request.Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } };
            request.Headers.TryAddWithoutValidation(Application.Payments.PaymentSignatures.Header,
                Application.Payments.PaymentSignatures.Sign(app.PaymentSecret, DateTimeOffset.UtcNow, body));
        }

        var status = (await client.SendAsync(request)).StatusCode;

        if (row.Allowed.Contains(caller))
            Assert.True(status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{caller} was refused {row.Path}: {status}");
        else
            Assert.Equal(caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public void the_matrix_covers_every_endpoint()
    {
        var endpoints = every_endpoint_and_command_has_a_policy.Endpoints(app).Select(e => e.Key).ToHashSet();
        var rows = Rows.Select(r => r.Pattern).ToHashSet();
        Assert.True(endpoints.SetEquals(rows),
            $"without a row: {string.Join("; ", endpoints.Except(rows).Order())} | rows without an endpoint: {string.Join("; ", rows.Except(endpoints).Order())}");
    }
}
