using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests.Closing;

/// <summary>The opener finishes the request with its outcome; nothing more can be done under it.</summary>
public sealed record CloseRequest(Guid RequestId, Guid ClosedBy, string Outcome, long? ExpectedVersion);

public sealed class CloseRequestAuthorization() : CommandAuthorizationHandler<CloseRequest>(Capability.Amend)
{
    protected override bool IsAllowed(Actor actor, CloseRequest command) => actor.Id == command.ClosedBy;
}

public sealed class CloseRequestValidator : AbstractValidator<CloseRequest>
{
    public CloseRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Outcome).NotEmpty().Length(3, 500);
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}

public static class CloseRequestHandler
{
    public static Task<StreamChanged> Handle(
        CloseRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<ChangeRequest>(command.RequestId, command.ExpectedVersion, request =>
        {
            if (request.OpenedBy != command.ClosedBy) throw SupportRules.Violation(SupportRules.CloseNotOwned);
            var close = new CloseChangeRequest(command.RequestId, command.ClosedBy, command.Outcome);
            return SupportRules.Sharpen(ChangeRequest.Close(request, close, streams.Now), request);
        }, cancellation);
    }
}
