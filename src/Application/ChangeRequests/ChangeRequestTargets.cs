using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.ChangeRequests;

public enum TargetKind
{
    Order,
    Account,
}

/// <summary>What a request may target: an order or an account, told apart by the event that began the stream.</summary>
public static class ChangeRequestTargets
{
    private static readonly ChangeCategory[] OrderCategories =
    [
        ChangeCategory.Reschedule, ChangeCategory.ChangeSystemConfiguration, ChangeCategory.PriceIncrease,
        ChangeCategory.PriceReduction, ChangeCategory.CancelOrder, ChangeCategory.Refund,
    ];

    private static readonly ChangeCategory[] AccountCategories =
    [
        ChangeCategory.UpdateContactDetails, ChangeCategory.SuspendAccount, ChangeCategory.ReactivateAccount,
        ChangeCategory.ErasePersonalData,
    ];

    /// <summary>Break-glass access is granted through its own flow, not through a support amendment.</summary>
    public static bool IsAmendment(ChangeCategory category) =>
        OrderCategories.Contains(category) || AccountCategories.Contains(category);

    public static bool Applies(TargetKind kind, ChangeCategory category) =>
        (kind == TargetKind.Order ? OrderCategories : AccountCategories).Contains(category);

    public static async Task<TargetKind?> KindOfAsync(IQuerySession session, Guid streamId, CancellationToken cancellation)
    {
        var first = await session.Events.FetchStreamAsync(streamId, version: 1, token: cancellation);
        return (first.Count > 0 ? first[0].Data : null) switch
        {
            QuoteRequested => TargetKind.Order,
            AccountRegistered => TargetKind.Account,
            _ => null,
        };
    }
}
