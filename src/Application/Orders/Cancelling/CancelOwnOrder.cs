using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Cancelling;

/// <summary>The customer cancels their own order until an installation is scheduled (then only support can).</summary>
public sealed class CancelOwnOrderAuthorization() : CommandAuthorizationHandler<CancelOwnOrder>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, CancelOwnOrder command) => actor.Id == command.CustomerId;
}

public sealed class CancelOwnOrderValidator : AbstractValidator<CancelOwnOrder>
{
    public CancelOwnOrderValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class CancelOwnOrderHandler
{
    public static Task<StreamChanged> Handle(
        CancelOwnOrder command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.CancelOwnOrder(order, command, streams.Now), cancellation,
            see: order => order.OwnedBy(command.CustomerId));
    }
}
