using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using Wolverine;

namespace SolarEvents.Application.ChangeRequests.Amending;

/// <summary>What every support amendment names: the stream it changes, the version the agent saw (If-Match),
/// and the change request it is made under.</summary>
public interface IAmendment
{
    Guid TargetId { get; }

    Guid ChangeRequestId { get; }

    long ExpectedVersion { get; }
}

/// <summary>
/// The one path every amendment takes, so none can skip a step: the request must allow this actor to make this
/// kind of change to this stream now (<see cref="ChangeRequest.Authorize"/>) before the target is even loaded;
/// the target decides at the agent's expected version; its events and the request's record of them
/// (<see cref="ChangeRequest.RecordAppliedChanges"/>) are appended in one transaction, tagged with the request.
/// </summary>
public sealed class Amendment(IDocumentSession session, ICallerContext caller, Envelope envelope, TimeProvider clock)
{
    public Task<StreamChanged> ApplyAsync<TTarget>(
        IAmendment amendment, ChangeCategory category, Func<TTarget, DateTimeOffset, Decision> decide, CancellationToken cancellation)
        where TTarget : class =>
        ApplyAsync<TTarget>(amendment, category, (target, now) => ValueTask.FromResult(decide(target, now)), cancellation);

    /// <summary>For a decision that needs a lookup first (the customer's data key, to seal new personal values).</summary>
    public async Task<StreamChanged> ApplyAsync<TTarget>(
        IAmendment amendment, ChangeCategory category, Func<TTarget, DateTimeOffset, ValueTask<Decision>> decide, CancellationToken cancellation)
        where TTarget : class
    {
        var actor = Actor.From(caller.Principal) ?? throw new CommandUnauthenticatedException();
        var now = clock.GetUtcNow();
        var (request, requestVersion) = await ChangeRequestStreams.ReadAsync(session, amendment.ChangeRequestId, cancellation);
        SupportRules.Sharpen(ChangeRequest.Authorize(request, actor.Id, amendment.TargetId, category, now), request).ThrowIfRejected();

        var target = await session.Events.FetchForWriting<TTarget>(amendment.TargetId, amendment.ExpectedVersion, cancellation);
        if (target.Aggregate is null) throw SupportRules.Violation(SupportRules.TargetUnknown);
        var events = (await decide(target.Aggregate, now)).ThrowIfRejected();

        session.SetHeader(ActorMetadataMiddleware.ChangeRequestHeader, amendment.ChangeRequestId.ToString());
        target.AppendMany(events);
        var version = amendment.ExpectedVersion + events.Count;
        var applied = new RecordAppliedChanges(amendment.ChangeRequestId, amendment.TargetId,
            [.. events.Select(e => EventCatalog.NameOf(e.GetType()))], version);
        var recorded = ChangeRequest.RecordAppliedChanges(request, applied, now).ThrowIfRejected();
        session.Events.Append(amendment.ChangeRequestId, requestVersion + recorded.Count, [.. recorded]);
        return session.Remember(envelope, new StreamChanged(amendment.TargetId, version), now);
    }

    /// <summary>Support agents amend; everyone else is refused before anything is read.</summary>
    public static bool MayAmend(Actor actor) => actor.Role == Roles.SupportAgent;
}

/// <summary>The rules every amendment's validator starts with.</summary>
public static class AmendmentValidation
{
    public static void IncludeAmendmentRules<T>(this AbstractValidator<T> validator)
        where T : IAmendment
    {
        validator.RuleFor(c => c.TargetId).NotEmpty();
        validator.RuleFor(c => c.ChangeRequestId).NotEmpty();
        validator.RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}
