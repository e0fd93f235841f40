using Marten;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using Wolverine;

namespace SolarEvents.Application.ChangeRequests.Expiring;

/// <summary>Scheduled when a request opens, for its expiry time; delivered through Wolverine's durable inbox.</summary>
public sealed record ExpireUnusedRequest(Guid RequestId) : ISystemMessage;

/// <summary>
/// Expires a request that is still open when its time runs out; one that was closed or rejected meanwhile is
/// left alone. A delivery that comes early (clock skew between nodes) is scheduled again for the expiry time.
/// </summary>
public static class ExpireUnusedRequestHandler
{
    public static async Task Handle(
        ExpireUnusedRequest message, IDocumentSession session, IMessageContext messages, TimeProvider clock,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<ChangeRequest>(message.RequestId, cancellation);
        if (stream.Aggregate is not { IsOpen: true } request) return;

        var now = clock.GetUtcNow();
        if (now < request.ExpiresAt)
        {
            await messages.ScheduleAsync(message, request.ExpiresAt);
            return;
        }

        session.LastModifiedBy = SystemActor.Id;
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, SystemActor.Role);
        session.CorrelationId = messages.CorrelationId;
        stream.AppendMany(ChangeRequest.Expire(request, new ExpireChangeRequest(message.RequestId), now).ThrowIfRejected());
    }
}
