using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using Wolverine;
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

public sealed class OpenRequestAuthorization : CommandAuthorizationHandler<OpenRequest>
{
    protected override bool IsAllowed(Actor actor, OpenRequest command) =>
        actor.Role == Roles.SupportAgent && actor.Id == command.OpenedBy;
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
        var now = clock.GetUtcNow();
        var kind = await ChangeRequestTargets.KindOfAsync(session, command.TargetStreamId, cancellation)
                   ?? throw SupportRules.Violation(SupportRules.TargetUnknown);
        if (!command.Categories.All(category => ChangeRequestTargets.Applies(kind, category)))
            throw SupportRules.Violation(SupportRules.CategoryNotApplicable);

        var changed = await StartAsync(session, messages, new OpenChangeRequest(command.RequestId, command.OpenedBy,
            command.TargetStreamId, command.Categories, command.Reason, command.CustomerContactReference, settings.ValidFor), now);
        return session.Remember(envelope, changed, now);
    }

    /// <summary>Starts the request's stream and schedules its expiry; every way of opening a request ends here.</summary>
    public static async Task<StreamChanged> StartAsync(
        IDocumentSession session, IMessageContext messages, OpenChangeRequest open, DateTimeOffset now)
    {
        var events = ChangeRequest.Open(open, now).ThrowIfRejected();
        session.Events.StartStream<ChangeRequest>(open.RequestId, events);
        await messages.ScheduleAsync(new ExpireUnusedRequest(open.RequestId), ((ChangeRequestOpened)events[0]).ExpiresAt);
        return new StreamChanged(open.RequestId, events.Count);
    }
}
