using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using Wolverine;

namespace SolarEvents.Application.ChangeRequests.Closing;

/// <summary>The opener finishes the request with its outcome; nothing more can be done under it.</summary>
public sealed record CloseRequest(Guid RequestId, Guid ClosedBy, string Outcome, long? ExpectedVersion);

public sealed class CloseRequestAuthorization : CommandAuthorizationHandler<CloseRequest>
{
    protected override bool IsAllowed(Actor actor, CloseRequest command) =>
        actor.Role == Roles.SupportAgent && actor.Id == command.ClosedBy;
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
    public static async Task<StreamChanged> Handle(
        CloseRequest command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var stream = await ChangeRequestStreams.FetchAsync(session, command.RequestId, command.ExpectedVersion, cancellation);
        if (stream.Aggregate!.OpenedBy != command.ClosedBy) throw SupportRules.Violation(SupportRules.CloseNotOwned);
        var decision = ChangeRequest.Close(stream.Aggregate, new CloseChangeRequest(command.RequestId, command.ClosedBy, command.Outcome), now);
        var events = SupportRules.Sharpen(decision, stream.Aggregate).ThrowIfRejected();
        var version = stream.CurrentVersion!.Value + events.Count;
        stream.AppendMany(events);
        return session.Remember(envelope, new StreamChanged(command.RequestId, version), now);
    }
}
