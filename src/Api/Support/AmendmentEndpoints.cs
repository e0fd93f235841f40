using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Accounts.Amending;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Api.Support;

/// <summary>Each body names the change request it is made under; a missing one fails validation (ChangeRequestId).</summary>
public interface IAmendmentBody
{
    Guid? ChangeRequestId { get; }
}

public sealed record RescheduleBody(Guid? ChangeRequestId, InstallationWindow Window, string Reason) : IAmendmentBody;

public sealed record SystemConfigurationBody(Guid? ChangeRequestId, SystemConfiguration System, string Reason) : IAmendmentBody;

public sealed record PriceAdjustmentBody(Guid? ChangeRequestId, Money Adjustment, string Reason) : IAmendmentBody;

public sealed record CancellationBody(Guid? ChangeRequestId, string Reason, decimal? RefundDue) : IAmendmentBody;

public sealed record RefundBody(Guid? ChangeRequestId, Money Amount, string Reason) : IAmendmentBody;

/// <summary>In the clear over TLS; sealed with the customer's data key before any event holds them.</summary>
public sealed record ContactDetailsBody(Guid? ChangeRequestId, string Phone, string Address) : IAmendmentBody;

public sealed record ErasureBody(Guid? ChangeRequestId) : IAmendmentBody;

public sealed record AccountStatusBody(Guid? ChangeRequestId, string Reason) : IAmendmentBody;

/// <summary>Support amendments to orders and accounts: each route turns its body into one declared kind of change
/// (<see cref="AmendmentKinds"/>). Each needs <c>If-Match</c> (the version the agent read) and an
/// <c>Idempotency-Key</c>; the answer is the stream's new version, also as the <c>ETag</c>.</summary>
public static class AmendmentEndpoints
{
    public static void MapAmendmentEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/staff/orders/{targetId:guid}").RequireCapability(Capability.Amend).RequiresIdempotencyKey();
        Map(orders, "/reschedule", (Guid id, RescheduleBody body) =>
            new RescheduleInstallation(id, body.Window, body.Reason, body.ChangeRequestId));
        Map(orders, "/system-configuration", (Guid id, SystemConfigurationBody body) =>
            new ChangeSystemConfiguration(id, body.System, body.Reason, body.ChangeRequestId));
        Map(orders, "/price-adjustments", (Guid id, PriceAdjustmentBody body) =>
            new AdjustPrice(id, body.Adjustment, body.Reason, body.ChangeRequestId));
        Map(orders, "/cancellation", (Guid id, CancellationBody body) =>
            new CancelOrder(id, body.Reason, body.RefundDue, body.ChangeRequestId));
        Map(orders, "/refunds", (Guid id, RefundBody body) =>
            new RefundPayment(id, body.Amount, body.Reason, body.ChangeRequestId));

        var accounts = app.MapGroup("/api/v1/staff/accounts/{targetId:guid}").RequireCapability(Capability.Amend).RequiresIdempotencyKey();
        Map(accounts, "/contact-details", (Guid _, ContactDetailsBody body) => new NewContactDetails(body.Phone, body.Address));
        Map(accounts, "/suspension", (Guid id, AccountStatusBody body) => new SuspendAccount(id, body.Reason, body.ChangeRequestId));
        Map(accounts, "/reactivation", (Guid id, AccountStatusBody body) => new ReactivateAccount(id, body.Reason, body.ChangeRequestId));

        // Carried out by Compliance or an Admin under an approved request that a support agent opened.
        var erasure = app.MapGroup("/api/v1/staff/accounts/{targetId:guid}").RequireCapability(Capability.Erasure).RequiresIdempotencyKey();
        Map(erasure, "/erasure", (Guid id, ErasureBody _) => new ErasePersonalData(id));
    }

    /// <summary>One amendment route: the body becomes the change; the target is the route's id.</summary>
    private static void Map<TBody, TChange>(RouteGroupBuilder group, string pattern, Func<Guid, TBody, TChange> change)
        where TBody : IAmendmentBody
        where TChange : notnull =>
        group.MapPost(pattern, async (Guid targetId, TBody body, HttpContext http, CancellationToken cancellation) =>
        {
            var command = new Amend(targetId, body.ChangeRequestId ?? Guid.Empty, CommandDispatch.RequiredVersion(http), change(targetId, body));
            return TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, command, targetId, body, cancellation));
        }).Dispatches(typeof(Amend), typeof(TChange));
}
