using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Orders.RequestingQuote;
using SolarEvents.Domain.Orders;
using Wolverine;

namespace SolarEvents.Application.Orders.Amending;

public sealed record ChangeSystemConfigurationAmendment(
    Guid OrderId, Guid ChangeRequestId, long ExpectedVersion, SystemConfiguration NewSystem, string Reason) : IAmendment
{
    public Guid TargetId => OrderId;
}

public sealed class ChangeSystemConfigurationAmendmentAuthorization : CommandAuthorizationHandler<ChangeSystemConfigurationAmendment>
{
    protected override bool IsAllowed(Actor actor, ChangeSystemConfigurationAmendment command) => Amendment.MayAmend(actor);
}

public sealed class ChangeSystemConfigurationAmendmentValidator : AbstractValidator<ChangeSystemConfigurationAmendment>
{
    public ChangeSystemConfigurationAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.NewSystem).NotNull().SetValidator(new SystemConfigurationValidator());
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class ChangeSystemConfigurationAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        ChangeSystemConfigurationAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new ChangeSystemConfiguration(command.OrderId, command.NewSystem, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Order>(
            command, OrderAmendments.CategoryOf(change), (order, now) => Order.ChangeSystemConfiguration(order, change, now), cancellation);
    }
}
