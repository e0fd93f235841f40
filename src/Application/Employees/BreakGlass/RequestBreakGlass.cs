using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Opening;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>
/// An engineer asks to read one customer's personal data, naming the incident that needs it. It is a change request
/// of the sensitive category <see cref="ChangeCategory.BreakGlassAccess"/>, so someone else (support or an admin)
/// approves or rejects it like any other, and it expires unused like any other.
/// </summary>
public sealed record RequestBreakGlass(Guid RequestId, Guid EngineerId, Guid AccountId, string Reason, string IncidentReference);

public sealed class RequestBreakGlassAuthorization() : CommandAuthorizationHandler<RequestBreakGlass>(Capability.BreakGlass)
{
    protected override bool IsAllowed(Actor actor, RequestBreakGlass command) => actor.Id == command.EngineerId;
}

public sealed class RequestBreakGlassValidator : AbstractValidator<RequestBreakGlass>
{
    public RequestBreakGlassValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.Reason).IsARealReason(minLength: 20, minWords: 4);
        RuleFor(c => c.IncidentReference).NotEmpty().Length(3, 100).Matches("^[A-Za-z0-9][A-Za-z0-9 #:/._-]*$");
    }
}

public static class RequestBreakGlassHandler
{
    public static async Task<StreamChanged> Handle(
        RequestBreakGlass command, IDocumentSession session, IMessageContext messages, Envelope envelope,
        ChangeRequestSettings settings, TimeProvider clock, CancellationToken cancellation)
    {
        // Personal data lives on accounts: an order or an unknown id is no target for break-glass.
        if (await ChangeRequestTargets.KindOfAsync(session, command.AccountId, cancellation) != TargetKind.Account)
            throw SupportRules.Violation(SupportRules.TargetUnknown);

        return await OpenRequestHandler.StartAsync(CommandStreams.For(session, envelope, clock), messages, new OpenChangeRequest(
            command.RequestId, command.EngineerId, command.AccountId, [ChangeCategory.BreakGlassAccess], command.Reason,
            command.IncidentReference, settings.ValidFor));
    }
}
