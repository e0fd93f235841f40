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

/// <summary><paramref name="Adjustment"/> is signed; a reduction needs an approved request (PriceReduction).</summary>
public sealed record AdjustPriceAmendment(
    Guid OrderId, Guid ChangeRequestId, long ExpectedVersion, Money Adjustment, string Reason) : IAmendment
{
    public Guid TargetId => OrderId;
}

public sealed class AdjustPriceAmendmentAuthorization : CommandAuthorizationHandler<AdjustPriceAmendment>
{
    protected override bool IsAllowed(Actor actor, AdjustPriceAmendment command) => Amendment.MayAmend(actor);
}

public sealed class AdjustPriceAmendmentValidator : AbstractValidator<AdjustPriceAmendment>
{
    public AdjustPriceAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Adjustment).NotNull().SetValidator(new MoneyValidator(allowNegative: true));
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class AdjustPriceAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        AdjustPriceAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new AdjustPrice(command.OrderId, command.Adjustment, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Order>(
            command, OrderAmendments.CategoryOf(change), (order, now) => Order.AdjustPrice(order, change, now), cancellation);
    }
}
