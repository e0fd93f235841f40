using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.ChangeRequests.Closing;
using SolarEvents.Application.ChangeRequests.Deciding;
using SolarEvents.Application.ChangeRequests.Opening;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Api.Support;

public sealed record OpenChangeRequestBody(
    Guid TargetStreamId, IReadOnlyList<ChangeCategory> Categories, string Reason, string CustomerContactReference);

public sealed record ApproveChangeRequestBody(string? Comment);

public sealed record RejectChangeRequestBody(string Reason);

public sealed record CloseChangeRequestBody(string Outcome);

/// <summary>The life of a change request: open, approve or reject (someone else), close. Who acts comes from the token.
/// Every POST needs an <c>Idempotency-Key</c>; approving, rejecting and closing take <c>If-Match</c> when sent.</summary>
public static class ChangeRequestEndpoints
{
    public static void MapChangeRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/v1/staff/change-requests").RequiresIdempotencyKey();
        requests.MapPost("/", Open).RequireCapability(Capability.Amend).Dispatches(typeof(OpenRequest));
        requests.MapPost("/{requestId:guid}/approval", Approve).RequireCapability(Capability.DecideChangeRequests).Dispatches(typeof(ApproveRequest));
        requests.MapPost("/{requestId:guid}/rejection", Reject).RequireCapability(Capability.DecideChangeRequests).Dispatches(typeof(RejectRequest));
        requests.MapPost("/{requestId:guid}/closure", Close).RequireCapability(Capability.Amend).Dispatches(typeof(CloseRequest));
    }

    private static async Task<Created<StreamChanged>> Open(OpenChangeRequestBody body, HttpContext http, CancellationToken cancellation)
    {
        var command = new OpenRequest(Guid.CreateVersion7(), http.Caller().Id, body.TargetStreamId, body.Categories, body.Reason,
            body.CustomerContactReference);
        var changed = await CommandDispatch.SendAsync<StreamChanged>(http, command, command.RequestId, body, cancellation);
        return TypedResults.Created($"/api/v1/staff/change-requests/{changed.StreamId}/trail", changed);
    }

    private static async Task<Ok<StreamChanged>> Approve(
        Guid requestId, ApproveChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http,
            new ApproveRequest(requestId, http.Caller().Id, body.Comment ?? "", CommandDispatch.ExpectedVersion(http)), requestId, body, cancellation));

    private static async Task<Ok<StreamChanged>> Reject(
        Guid requestId, RejectChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http,
            new RejectRequest(requestId, http.Caller().Id, body.Reason, CommandDispatch.ExpectedVersion(http)), requestId, body, cancellation));

    private static async Task<Ok<StreamChanged>> Close(
        Guid requestId, CloseChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http,
            new CloseRequest(requestId, http.Caller().Id, body.Outcome, CommandDispatch.ExpectedVersion(http)), requestId, body, cancellation));
}
