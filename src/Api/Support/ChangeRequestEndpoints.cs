using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Queries;
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

/// <summary>The life of a change request: open, approve or reject (someone else), close. Who acts comes from the token.</summary>
public static class ChangeRequestEndpoints
{
    public static void MapChangeRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/v1/staff/change-requests").RequireAuthorization(StaffPolicies.Support);
        requests.MapPost("/", Open);
        requests.MapPost("/{requestId:guid}/approval", Approve);
        requests.MapPost("/{requestId:guid}/rejection", Reject);
        requests.MapPost("/{requestId:guid}/closure", Close);
    }

    private static async Task<Created<StreamChanged>> Open(OpenChangeRequestBody body, HttpContext http, CancellationToken cancellation)
    {
        var command = new OpenRequest(Guid.CreateVersion7(), ActorId(http), body.TargetStreamId, body.Categories, body.Reason,
            body.CustomerContactReference);
        var changed = await IdempotentCommands.SendAsync(http, command, body, command.RequestId, cancellation);
        return TypedResults.Created($"/api/v1/staff/change-requests/{changed.StreamId}/trail", changed);
    }

    private static async Task<Ok<StreamChanged>> Approve(
        Guid requestId, ApproveChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await IdempotentCommands.SendAsync(http,
            new ApproveRequest(requestId, ActorId(http), body.Comment ?? "", IdempotentCommands.ExpectedVersion(http)), body, requestId, cancellation));

    private static async Task<Ok<StreamChanged>> Reject(
        Guid requestId, RejectChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await IdempotentCommands.SendAsync(http,
            new RejectRequest(requestId, ActorId(http), body.Reason, IdempotentCommands.ExpectedVersion(http)), body, requestId, cancellation));

    private static async Task<Ok<StreamChanged>> Close(
        Guid requestId, CloseChangeRequestBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await IdempotentCommands.SendAsync(http,
            new CloseRequest(requestId, ActorId(http), body.Outcome, IdempotentCommands.ExpectedVersion(http)), body, requestId, cancellation));

    private static Guid ActorId(HttpContext http) => Actor.From(http.User)!.Id;
}
