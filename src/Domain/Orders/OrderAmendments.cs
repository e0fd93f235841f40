using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Domain.Orders;

/// <summary>Which change-request category an order amendment falls under, for ChangeRequest.Authorize.</summary>
public static class OrderAmendments
{
    public static ChangeCategory CategoryOf(RescheduleInstallation command) => ChangeCategory.Reschedule;

    public static ChangeCategory CategoryOf(ChangeSystemConfiguration command) => ChangeCategory.ChangeSystemConfiguration;

    /// <summary>A reduction is sensitive (it needs an approved request); an increase is not.</summary>
    public static ChangeCategory CategoryOf(AdjustPrice command) =>
        command.Adjustment.Amount > 0 ? ChangeCategory.PriceIncrease : ChangeCategory.PriceReduction;

    public static ChangeCategory CategoryOf(CancelOrder command) => ChangeCategory.CancelOrder;

    public static ChangeCategory CategoryOf(RefundPayment command) => ChangeCategory.Refund;
}
