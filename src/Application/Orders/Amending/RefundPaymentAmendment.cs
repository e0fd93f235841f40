using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using Wolverine;

namespace SolarEvents.Application.Orders.Amending;

/// <summary>Money back to the customer: always under an approved request (Refund is sensitive).</summary>
public sealed record RefundPaymentAmendment(
    Guid OrderId, Guid ChangeRequestId, long ExpectedVersion, Money Amount, string Reason) : IAmendment
{
    public Guid TargetId => OrderId;
}

public sealed class RefundPaymentAmendmentAuthorization : CommandAuthorizationHandler<RefundPaymentAmendment>
{
    protected override bool IsAllowed(Actor actor, RefundPaymentAmendment command) => Amendment.MayAmend(actor);
}

public sealed class RefundPaymentAmendmentValidator : AbstractValidator<RefundPaymentAmendment>
{
    public RefundPaymentAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Amount).NotNull().SetValidator(new MoneyValidator(allowNegative: false));
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class RefundPaymentAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        RefundPaymentAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new RefundPayment(command.OrderId, command.Amount, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Order>(
            command, OrderAmendments.CategoryOf(change), (order, now) => Order.RefundPayment(order, change, now), cancellation);
    }
}
