using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;
using Wolverine;

namespace SolarEvents.Application.Orders.Amending;

/// <summary><paramref name="RefundDue"/>: how much of what was paid goes back (required once money came in).</summary>
public sealed record CancelOrderAmendment(
    Guid OrderId, Guid ChangeRequestId, long ExpectedVersion, string Reason, decimal? RefundDue) : IAmendment
{
    public Guid TargetId => OrderId;
}

public sealed class CancelOrderAmendmentAuthorization : CommandAuthorizationHandler<CancelOrderAmendment>
{
    protected override bool IsAllowed(Actor actor, CancelOrderAmendment command) => Amendment.MayAmend(actor);
}

public sealed class CancelOrderAmendmentValidator : AbstractValidator<CancelOrderAmendment>
{
    public CancelOrderAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
        RuleFor(c => c.RefundDue).InclusiveBetween(0m, 1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
    }
}

public static class CancelOrderAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        CancelOrderAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new CancelOrder(command.OrderId, command.Reason, command.RefundDue, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Order>(
            command, OrderAmendments.CategoryOf(change), (order, now) => Order.CancelOrder(order, change, now), cancellation);
    }
}
