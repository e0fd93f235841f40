using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.ChangeRequests.Amending;

/// <summary>
/// A support amendment: <paramref name="Change"/> (one of the declared <see cref="AmendmentKinds"/>) to the order or
/// account <paramref name="TargetId"/>, at the version the agent read (<c>If-Match</c>), under the change request
/// <paramref name="ChangeRequestId"/>.
/// </summary>
public sealed record Amend(Guid TargetId, Guid ChangeRequestId, long ExpectedVersion, object Change)
{
    /// <summary>Never the change's values (a phone number, an address), wherever a log might print the command.</summary>
    public override string ToString() =>
        $"{nameof(Amend)} {{ Change = {Change?.GetType().Name}, {nameof(TargetId)} = {TargetId}, {nameof(ChangeRequestId)} = {ChangeRequestId} }}";
}

/// <summary>The one rule for every amendment: the kind's capability (support amends; Compliance or an Admin
/// erases). Whether this actor may make this change now is the change request's to say, in the handler.</summary>
public sealed class AmendAuthorization() : CommandAuthorizationHandler<Amend>(Capability.Amend)
{
    public override Capability? CapabilityOf(Amend command) => AmendmentKinds.Find(command.Change?.GetType())?.Capability;
}

public sealed class AmendValidator : AbstractValidator<Amend>
{
    public AmendValidator()
    {
        RuleFor(c => c.TargetId).NotEmpty();
        RuleFor(c => c.ChangeRequestId).NotEmpty();
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1);
        RuleFor(c => c.Change).NotNull().Custom((change, context) =>
        {
            foreach (var failure in AmendmentKinds.Find(change?.GetType())?.Validate(change!) ?? [])
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
        });
    }
}

/// <summary>
/// The one path every amendment takes, so none can skip a step: the request must allow this actor to make this
/// category of change to this stream now (<see cref="ChangeRequest.Authorize"/>) before the target is even loaded;
/// the target decides at the agent's expected version; its events and the request's record of them
/// (<see cref="ChangeRequest.RecordAppliedChanges"/>) are appended in one transaction, tagged with the request.
/// </summary>
public static class AmendHandler
{
    public static async Task<StreamChanged> Handle(
        Amend command, IDocumentSession session, Envelope envelope, ICallerContext caller, IServiceProvider services,
        PersonalDataKeys keys, TimeProvider clock, CancellationToken cancellation)
    {
        var kind = AmendmentKinds.Find(command.Change.GetType())!;
        var streams = CommandStreams.For(session, envelope, clock);
        var actor = Actor.From(caller.Principal) ?? throw new CommandUnauthenticatedException();
        var (request, requestVersion) = await ChangeRequestStreams.ReadAsync(session, command.ChangeRequestId, cancellation);
        SupportRules.Sharpen(
            ChangeRequest.Authorize(request, actor.Id, command.TargetId, kind.CategoryOf(command.Change), streams.Now), request).ThrowIfRejected();

        session.SetHeader(ActorMetadataMiddleware.ChangeRequestHeader, command.ChangeRequestId.ToString());
        var (changed, events, target) = await kind.ApplyAsync(streams, command, new AmendmentContext(command.ChangeRequestId, session, services, streams.Now, cancellation));
        var applied = new RecordAppliedChanges(command.ChangeRequestId, command.TargetId, [.. events.Select(e => EventCatalog.NameOf(e.GetType()))],
            changed.Version);
        streams.AppendAlongside(command.ChangeRequestId, requestVersion, ChangeRequest.RecordAppliedChanges(request, applied, streams.Now));
        // A moved installation or a cancellation is news to the customer, whoever made it.
        if (target is Order order) await OrderMails.QueueAsync(session, keys, order, events, streams.Now, cancellation);
        return changed;
    }
}

/// <summary>What an amendment's decision may use besides its target: the request it is made under, the command's
/// session (to change documents in the same commit), services (a data key), the command's moment.</summary>
public sealed record AmendmentContext(
    Guid ChangeRequestId, IDocumentSession Session, IServiceProvider Services, DateTimeOffset Now, CancellationToken Cancellation);

/// <summary>A kind of amendment, as <see cref="AmendmentKind{TTarget,TChange}"/> declares it.</summary>
public interface IAmendmentKind
{
    Type ChangeType { get; }

    Type TargetType { get; }

    Capability Capability { get; }

    ChangeCategory CategoryOf(object change);

    IEnumerable<FluentValidation.Results.ValidationFailure> Validate(object change);

    /// <summary>Decides and appends; returns the new version, the events and the target as it was before.</summary>
    Task<(StreamChanged Changed, IReadOnlyList<object> Events, object Target)> ApplyAsync(CommandStreams streams, Amend command, AmendmentContext context);
}

/// <summary>
/// One kind of amendment, declared: the change it carries, the stream kind it changes, its change-request
/// category, the shape its values must have and the domain decision. A new kind is one of these in
/// <see cref="AmendmentKinds"/> and a route.
/// </summary>
public sealed class AmendmentKind<TTarget, TChange> : IAmendmentKind
    where TTarget : class
    where TChange : notnull
{
    public required Func<TChange, ChangeCategory> Category { get; init; }

    public required Func<TTarget, TChange, AmendmentContext, ValueTask<Decision>> Decide { get; init; }

    public required InlineValidator<TChange> Rules { get; init; }

    public Capability Capability { get; init; } = Capability.Amend;

    public Type ChangeType => typeof(TChange);

    public Type TargetType => typeof(TTarget);

    public ChangeCategory CategoryOf(object change) => Category((TChange)change);

    public IEnumerable<FluentValidation.Results.ValidationFailure> Validate(object change) => Rules.Validate((TChange)change).Errors;

    public async Task<(StreamChanged Changed, IReadOnlyList<object> Events, object Target)> ApplyAsync(
        CommandStreams streams, Amend command, AmendmentContext context)
    {
        IReadOnlyList<object> events = [];
        TTarget? before = null;
        var changed = await streams.DecideAsync<TTarget>(command.TargetId, command.ExpectedVersion, async target =>
        {
            before = target;
            var decision = await Decide(target, (TChange)command.Change, context);
            events = decision.Events;
            return decision;
        }, context.Cancellation);
        return (changed, events, before!);
    }
}

/// <summary>Every amendment support (and, for erasure, Compliance) can make.</summary>
public static class AmendmentKinds
{
    public static IReadOnlyList<IAmendmentKind> All { get; } =
        [.. Orders.Amending.OrderAmendmentKinds.All, .. Accounts.Amending.AccountAmendmentKinds.All];

    private static readonly Dictionary<Type, IAmendmentKind> ByChange = All.ToDictionary(kind => kind.ChangeType);

    public static IAmendmentKind? Find(Type? changeType) => changeType is null ? null : ByChange.GetValueOrDefault(changeType);

    /// <summary>The rules every amendment's reason follows.</summary>
    public static IRuleBuilderOptions<T, string> IsAnAmendmentReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.IsARealReason(minLength: 10, minWords: 3);
}
