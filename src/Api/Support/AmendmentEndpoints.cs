using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Accounts.Amending;
using SolarEvents.Application.Accounts.Erasing;
using SolarEvents.Application.Orders.Amending;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Api.Support;

// Each body names the change request it is made under; a missing one fails validation (ChangeRequestId).

public sealed record RescheduleBody(Guid? ChangeRequestId, InstallationWindow Window, string Reason);

public sealed record SystemConfigurationBody(Guid? ChangeRequestId, SystemConfiguration System, string Reason);

public sealed record PriceAdjustmentBody(Guid? ChangeRequestId, Money Adjustment, string Reason);

public sealed record CancellationBody(Guid? ChangeRequestId, string Reason, decimal? RefundDue);

public sealed record RefundBody(Guid? ChangeRequestId, Money Amount, string Reason);

/// <summary>In the clear over TLS; sealed with the customer's data key before any event holds them.</summary>
public sealed record ContactDetailsBody(Guid? ChangeRequestId, string Phone, string Address);

public sealed record ErasureBody(Guid? ChangeRequestId);

public sealed record AccountStatusBody(Guid? ChangeRequestId, string Reason);

/// <summary>Support amendments to orders and accounts. Each needs <c>If-Match</c> (the version the agent read)
/// and an <c>Idempotency-Key</c>; the answer is the stream's new version, also as the <c>ETag</c>.</summary>
public static class AmendmentEndpoints
{
    public static void MapAmendmentEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/staff/orders/{orderId:guid}").RequireAuthorization(StaffPolicies.Support);
        orders.MapPost("/reschedule", (Guid orderId, RescheduleBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, orderId, version => new RescheduleInstallationAmendment(orderId, RequestOf(body.ChangeRequestId), version, body.Window, body.Reason), cancellation));
        orders.MapPost("/system-configuration", (Guid orderId, SystemConfigurationBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, orderId, version => new ChangeSystemConfigurationAmendment(orderId, RequestOf(body.ChangeRequestId), version, body.System, body.Reason), cancellation));
        orders.MapPost("/price-adjustments", (Guid orderId, PriceAdjustmentBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, orderId, version => new AdjustPriceAmendment(orderId, RequestOf(body.ChangeRequestId), version, body.Adjustment, body.Reason), cancellation));
        orders.MapPost("/cancellation", (Guid orderId, CancellationBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, orderId, version => new CancelOrderAmendment(orderId, RequestOf(body.ChangeRequestId), version, body.Reason, body.RefundDue), cancellation));
        orders.MapPost("/refunds", (Guid orderId, RefundBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, orderId, version => new RefundPaymentAmendment(orderId, RequestOf(body.ChangeRequestId), version, body.Amount, body.Reason), cancellation));

        var accounts = app.MapGroup("/api/v1/staff/accounts/{accountId:guid}").RequireAuthorization(StaffPolicies.Support);
        accounts.MapPost("/contact-details", (Guid accountId, ContactDetailsBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, accountId, version => new ChangeContactDetailsAmendment(accountId, RequestOf(body.ChangeRequestId), version, body.Phone, body.Address), cancellation));
        // Both change whether the customer's tokens count: this instance forgets what it cached about them at once.
        accounts.MapPost("/suspension", (Guid accountId, AccountStatusBody body, HttpContext http, TokenRevocation revocation, CancellationToken cancellation) =>
            ForgettingTokens(revocation, accountId, Send(http, body, accountId,
                version => new SuspendAccountAmendment(accountId, RequestOf(body.ChangeRequestId), version, body.Reason), cancellation)));
        accounts.MapPost("/reactivation", (Guid accountId, AccountStatusBody body, HttpContext http, TokenRevocation revocation, CancellationToken cancellation) =>
            ForgettingTokens(revocation, accountId, Send(http, body, accountId,
                version => new ReactivateAccountAmendment(accountId, RequestOf(body.ChangeRequestId), version, body.Reason), cancellation)));

        // Carried out by Compliance or an Admin under an approved request that a support agent opened.
        app.MapPost("/api/v1/staff/accounts/{accountId:guid}/erasure", (Guid accountId, ErasureBody body, HttpContext http, CancellationToken cancellation) =>
            Send(http, body, accountId, version => new EraseCustomerPersonalData(accountId, RequestOf(body.ChangeRequestId), version), cancellation))
            .RequireAuthorization(StaffPolicies.Erasure);
    }

    private static async Task<Ok<StreamChanged>> Send(
        HttpContext http, object body, Guid target, Func<long, object> command, CancellationToken cancellation) =>
        TypedResults.Ok(await IdempotentCommands.SendAsync(http, command(IdempotentCommands.RequiredVersion(http)), body, target, cancellation));

    private static async Task<Ok<StreamChanged>> ForgettingTokens(TokenRevocation revocation, Guid accountId, Task<Ok<StreamChanged>> sent)
    {
        var result = await sent;
        revocation.Forget(accountId);
        return result;
    }

    private static Guid RequestOf(Guid? changeRequestId) => changeRequestId ?? Guid.Empty;
}
