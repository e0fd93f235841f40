using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests.Deciding;

public sealed record RejectRequest(Guid RequestId, Guid RejectedBy, string Reason, long? ExpectedVersion);

public sealed class RejectRequestAuthorization() : CommandAuthorizationHandler<RejectRequest>(Capability.DecideChangeRequests)
{
    protected override bool IsAllowed(Actor actor, RejectRequest command) => actor.Id == command.RejectedBy;
}

public sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}

public static class RejectRequestHandler
{
    public static Task<StreamChanged> Handle(
        RejectRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<ChangeRequest>(command.RequestId, command.ExpectedVersion, request => ChangeRequest.Reject(
            request, new RejectChangeRequest(command.RequestId, command.RejectedBy, command.Reason), streams.Now), cancellation);
    }
}
