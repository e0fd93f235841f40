using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Connecting;

/// <summary>Sales records the grid operator's approval of the connection, with the operator's reference.</summary>
public sealed class ApproveGridConnectionAuthorization() : CommandAuthorizationHandler<ApproveGridConnection>(Capability.SalesPipeline);

public sealed class ApproveGridConnectionValidator : AbstractValidator<ApproveGridConnection>
{
    public ApproveGridConnectionValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.GridOperatorReference).NotEmpty().Length(3, 100).Matches("^[A-Za-z0-9][A-Za-z0-9 #:/._-]*$");
    }
}

public static class ApproveGridConnectionHandler
{
    public static Task<StreamChanged> Handle(
        ApproveGridConnection command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.ApproveGridConnection(order, command, streams.Now), cancellation);
    }
}
