using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders;

/// <summary>A step of the order lifecycle, as every lifecycle handler takes it.</summary>
public static class OrderSteps
{
    /// <summary>
    /// Who may see the order is checked first (<paramref name="see"/>, when not every caller of the step may: another
    /// customer's order or another crew's job is a 404), the order decides through the one write step at the caller's version, and the customer's notice
    /// of the step is queued in the same commit.
    /// </summary>
    public static async Task<StreamChanged> DecideAsync(
        CommandStreams streams, IDocumentSession session, PersonalDataKeys keys, Guid orderId, Func<Order, Decision> decide,
        CancellationToken cancellation, Action<Order>? see = null)
    {
        Order? before = null;
        IReadOnlyList<object> events = [];
        var changed = await streams.DecideAsync<Order>(orderId, expectedVersion: null, order =>
        {
            before = order;
            var decision = decide(order);
            events = decision.Events;
            return decision;
        }, cancellation, see);
        await OrderMails.QueueAsync(session, keys, before!, events, streams.Now, cancellation);
        return changed;
    }
}
