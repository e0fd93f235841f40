using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests.Deciding;

/// <summary>The second pair of eyes. The domain refuses the opener (request-self-approval).</summary>
public sealed record ApproveRequest(Guid RequestId, Guid ApprovedBy, string Comment, long? ExpectedVersion);

public sealed class ApproveRequestAuthorization() : CommandAuthorizationHandler<ApproveRequest>(Capability.DecideChangeRequests)
{
    protected override bool IsAllowed(Actor actor, ApproveRequest command) => actor.Id == command.ApprovedBy;
}

public sealed class ApproveRequestValidator : AbstractValidator<ApproveRequest>
{
    public ApproveRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Comment).MaximumLength(500);
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}

public static class ApproveRequestHandler
{
    public static Task<StreamChanged> Handle(
        ApproveRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<ChangeRequest>(command.RequestId, command.ExpectedVersion, request => ChangeRequest.Approve(
            request, new ApproveChangeRequest(command.RequestId, command.ApprovedBy, command.Comment), streams.Now), cancellation);
    }
}
