using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Expiring;

namespace SolarEvents.Application.ChangeRequests.Opening;

/// <summary>An agent asks to amend one order or account: what kind of change, why, and which customer contact
/// (ticket or call reference) prompted it. How long it stays usable is configuration, not the caller's choice.</summary>
public sealed record OpenRequest(
    Guid RequestId,
    Guid OpenedBy,
    Guid TargetStreamId,
    IReadOnlyList<ChangeCategory> Categories,
    string Reason,
    string CustomerContactReference);

public sealed class OpenRequestAuthorization() : CommandAuthorizationHandler<OpenRequest>(Capability.Amend)
{
    protected override bool IsAllowed(Actor actor, OpenRequest command) => actor.Id == command.OpenedBy;
}

public sealed class OpenRequestValidator : AbstractValidator<OpenRequest>
{
    public OpenRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.TargetStreamId).NotEmpty();
        RuleFor(c => c.Categories).NotEmpty().Must(categories => categories.Count <= 10);
        RuleForEach(c => c.Categories).IsInEnum().Must(ChangeRequestTargets.IsAmendment)
            .WithMessage("This category is not a support amendment.");
        RuleFor(c => c.Reason).IsARealReason(minLength: 20, minWords: 4);
        RuleFor(c => c.CustomerContactReference).NotEmpty().Length(3, 100).Matches("^[A-Za-z0-9][A-Za-z0-9 #:/._-]*$");
    }
}

/// <summary>Opens the request and, in the same transaction (Wolverine's Marten outbox), schedules its expiry as a
/// durable message.</summary>
public static class OpenRequestHandler
{
    public static async Task<StreamChanged> Handle(
        OpenRequest command, IDocumentSession session, IMessageContext messages, Envelope envelope,
        ChangeRequestSettings settings, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var kind = await ChangeRequestTargets.KindOfAsync(session, command.TargetStreamId, cancellation)
                   ?? throw SupportRules.Violation(SupportRules.TargetUnknown);
        if (!command.Categories.All(category => ChangeRequestTargets.Applies(kind, category)))
            throw SupportRules.Violation(SupportRules.CategoryNotApplicable);

        return await StartAsync(streams, messages, new OpenChangeRequest(command.RequestId, command.OpenedBy,
            command.TargetStreamId, command.Categories, command.Reason, command.CustomerContactReference, settings.ValidFor));
    }

    /// <summary>Starts the request's stream and schedules its expiry; every way of opening a request ends here.</summary>
    public static async Task<StreamChanged> StartAsync(CommandStreams streams, IMessageContext messages, OpenChangeRequest open)
    {
        var decision = ChangeRequest.Open(open, streams.Now);
        var changed = streams.Start<ChangeRequest>(open.RequestId, decision);
        await messages.ScheduleAsync(new ExpireUnusedRequest(open.RequestId), ((ChangeRequestOpened)decision.Events[0]).ExpiresAt);
        return changed;
    }
}
