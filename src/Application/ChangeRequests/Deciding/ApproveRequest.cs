using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using Wolverine;

namespace SolarEvents.Application.ChangeRequests.Deciding;

/// <summary>The second pair of eyes. The domain refuses the opener (request-self-approval).</summary>
public sealed record ApproveRequest(Guid RequestId, Guid ApprovedBy, string Comment, long? ExpectedVersion);

public sealed class ApproveRequestAuthorization : CommandAuthorizationHandler<ApproveRequest>
{
    protected override bool IsAllowed(Actor actor, ApproveRequest command) =>
        actor.Role is Roles.SupportAgent or Roles.Admin && actor.Id == command.ApprovedBy;
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
    public static async Task<StreamChanged> Handle(
        ApproveRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var stream = await ChangeRequestStreams.FetchAsync(session, command.RequestId, command.ExpectedVersion, cancellation);
        var events = ChangeRequest.Approve(stream.Aggregate!, new ApproveChangeRequest(command.RequestId, command.ApprovedBy, command.Comment), now)
            .ThrowIfRejected();
        var version = stream.CurrentVersion!.Value + events.Count;
        stream.AppendMany(events);
        return session.Remember(envelope, new StreamChanged(command.RequestId, version), now);
    }
}
