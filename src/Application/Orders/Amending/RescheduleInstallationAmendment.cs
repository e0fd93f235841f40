using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;
using Wolverine;

namespace SolarEvents.Application.Orders.Amending;

public sealed record RescheduleInstallationAmendment(
    Guid OrderId, Guid ChangeRequestId, long ExpectedVersion, InstallationWindow NewWindow, string Reason) : IAmendment
{
    public Guid TargetId => OrderId;
}

public sealed class RescheduleInstallationAmendmentAuthorization : CommandAuthorizationHandler<RescheduleInstallationAmendment>
{
    protected override bool IsAllowed(Actor actor, RescheduleInstallationAmendment command) => Amendment.MayAmend(actor);
}

public sealed class RescheduleInstallationAmendmentValidator : AbstractValidator<RescheduleInstallationAmendment>
{
    public RescheduleInstallationAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.NewWindow).NotNull();
        RuleFor(c => c.NewWindow.To).GreaterThanOrEqualTo(c => c.NewWindow.From).When(c => c.NewWindow is not null);
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class RescheduleInstallationAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        RescheduleInstallationAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new RescheduleInstallation(command.OrderId, command.NewWindow, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Order>(
            command, OrderAmendments.CategoryOf(change), (order, now) => Order.RescheduleInstallation(order, change, now), cancellation);
    }
}
