using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Orders.RequestingQuote;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Amending;

/// <summary>The amendments support makes to orders. The change is the domain's own command; its category says
/// whether the request needs another person's approval (<see cref="OrderAmendments"/>).</summary>
public static class OrderAmendmentKinds
{
    public static IReadOnlyList<IAmendmentKind> All { get; } =
    [
        new AmendmentKind<Order, RescheduleInstallation>
        {
            Category = OrderAmendments.CategoryOf,
            Decide = (order, change, context) => ValueTask.FromResult(Order.RescheduleInstallation(order, change, context.Now)),
            Rules = new()
            {
                v => v.RuleFor(c => c.NewWindow).NotNull(),
                v => v.RuleFor(c => c.NewWindow.To).GreaterThanOrEqualTo(c => c.NewWindow.From).When(c => c.NewWindow is not null),
                v => v.RuleFor(c => c.Reason).IsAnAmendmentReason(),
            },
        },
        new AmendmentKind<Order, ChangeSystemConfiguration>
        {
            Category = OrderAmendments.CategoryOf,
            Decide = (order, change, context) => ValueTask.FromResult(Order.ChangeSystemConfiguration(order, change, context.Now)),
            Rules = new()
            {
                v => v.RuleFor(c => c.NewSystem).NotNull().SetValidator(new SystemConfigurationValidator()),
                v => v.RuleFor(c => c.Reason).IsAnAmendmentReason(),
            },
        },
        new AmendmentKind<Order, AdjustPrice>
        {
            Category = OrderAmendments.CategoryOf,
            Decide = (order, change, context) => ValueTask.FromResult(Order.AdjustPrice(order, change, context.Now)),
            Rules = new()
            {
                v => v.RuleFor(c => c.Adjustment).NotNull().SetValidator(new MoneyValidator(allowNegative: true)),
                v => v.RuleFor(c => c.Reason).IsAnAmendmentReason(),
            },
        },
        new AmendmentKind<Order, CancelOrder>
        {
            Category = OrderAmendments.CategoryOf,
            Decide = (order, change, context) => ValueTask.FromResult(Order.CancelOrder(order, change, context.Now)),
            Rules = new()
            {
                v => v.RuleFor(c => c.Reason).IsAnAmendmentReason(),
                v => v.RuleFor(c => c.RefundDue).InclusiveBetween(0m, 1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true),
            },
        },
        new AmendmentKind<Order, RefundPayment>
        {
            Category = OrderAmendments.CategoryOf,
            Decide = (order, change, context) => ValueTask.FromResult(Order.RefundPayment(order, change, context.Now)),
            Rules = new()
            {
                v => v.RuleFor(c => c.Amount).NotNull().SetValidator(new MoneyValidator(allowNegative: false)),
                v => v.RuleFor(c => c.Reason).IsAnAmendmentReason(),
            },
        },
    ];
}
