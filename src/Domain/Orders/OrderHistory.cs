namespace SolarEvents.Domain.Orders;

/// <summary>
/// Folds an order's events into its state, the way Marten does with <see cref="Order"/>'s Create/Apply.
/// For tests, tools and replays outside Marten; kept off <see cref="Order"/> so Marten's conventions
/// never see an extra method they might try to interpret.
/// </summary>
public static class OrderHistory
{
    public static Order Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Order?)null, Evolve) ?? throw new ArgumentException("An order stream cannot be empty.", nameof(events));

    public static Order Evolve(Order? state, object @event) => (state, @event) switch
    {
        (null, QuoteRequested e) => Order.Create(e),
        (null, _) => throw new ArgumentException($"An order stream starts with {nameof(QuoteRequested)}.", nameof(@event)),
        (_, SiteSurveyScheduled e) => state.Apply(e),
        (_, SiteSurveyCompleted e) => state.Apply(e),
        (_, QuoteIssued e) => state.Apply(e),
        (_, QuoteAccepted e) => state.Apply(e),
        (_, InstallationScheduledV1 e) => state.Apply(InstallationScheduledUpcaster.Upcast(e)),
        (_, InstallationScheduled e) => state.Apply(e),
        (_, InstallationRescheduled e) => state.Apply(e),
        (_, SystemInstalled e) => state.Apply(e),
        (_, GridConnectionApproved e) => state.Apply(e),
        (_, SystemActivated e) => state.Apply(e),
        (_, PaymentRecorded e) => state.Apply(e),
        (_, PaymentRefunded e) => state.Apply(e),
        (_, SystemConfigurationChanged e) => state.Apply(e),
        (_, PriceAdjusted e) => state.Apply(e),
        (_, OrderCancelled e) => state.Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an order event.", nameof(@event)),
    };
}
