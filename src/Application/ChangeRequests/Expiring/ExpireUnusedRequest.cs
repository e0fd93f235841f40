using SolarEvents.Domain.ChangeRequests;

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
        ExpireUnusedRequest message, IDocumentSession session, IMessageContext messages, Envelope envelope, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        SystemActor.Stamp(session, messages);
        await streams.DecideAsync<ChangeRequest>(message.RequestId, expectedVersion: null, async request =>
        {
            if (!request.IsOpen) return Decision.Accept();
            if (streams.Now >= request.ExpiresAt) return ChangeRequest.Expire(request, new ExpireChangeRequest(message.RequestId), streams.Now);
            await messages.ScheduleAsync(message, request.ExpiresAt);
            return Decision.Accept();
        }, cancellation);
    }
}
