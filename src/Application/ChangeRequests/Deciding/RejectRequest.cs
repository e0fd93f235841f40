using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using Wolverine;

namespace SolarEvents.Application.ChangeRequests.Deciding;

public sealed record RejectRequest(Guid RequestId, Guid RejectedBy, string Reason, long? ExpectedVersion);

public sealed class RejectRequestAuthorization : CommandAuthorizationHandler<RejectRequest>
{
    protected override bool IsAllowed(Actor actor, RejectRequest command) =>
        actor.Role is Roles.SupportAgent or Roles.Admin && actor.Id == command.RejectedBy;
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
    public static async Task<StreamChanged> Handle(
        RejectRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var stream = await ChangeRequestStreams.FetchAsync(session, command.RequestId, command.ExpectedVersion, cancellation);
        var events = ChangeRequest.Reject(stream.Aggregate!, new RejectChangeRequest(command.RequestId, command.RejectedBy, command.Reason), now)
            .ThrowIfRejected();
        var version = stream.CurrentVersion!.Value + events.Count;
        stream.AppendMany(events);
        return session.Remember(envelope, new StreamChanged(command.RequestId, version), now);
    }
}
