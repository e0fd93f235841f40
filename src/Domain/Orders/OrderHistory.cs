namespace SolarEvents.Domain.Orders;

/// <summary>
/// Folds an order's events into its state with <see cref="Order"/>'s Start/When. The one definition of how
/// an order evolves: Marten's projection in the application calls it, and so do tests and tools.
/// (Start/When are deliberately not Marten's conventional Create/Apply names: those would need Marten's
/// source generator in this assembly, and the domain references no infrastructure.)
/// </summary>
public static class OrderHistory
{
    public static Order Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Order?)null, Evolve) ?? throw new ArgumentException("An order stream cannot be empty.", nameof(events));

    public static Order Evolve(Order? state, object @event) => (state, @event) switch
    {
        (null, QuoteRequested e) => Order.Start(e),
        (null, _) => throw new ArgumentException($"An order stream starts with {nameof(QuoteRequested)}.", nameof(@event)),
        (_, SiteSurveyScheduledV1 e) => state.When(SiteSurveyScheduledUpcaster.Upcast(e)),
        (_, SiteSurveyScheduled e) => state.When(e),
        (_, SiteSurveyCompleted e) => state.When(e),
        (_, QuoteIssued e) => state.When(e),
        (_, QuoteAccepted e) => state.When(e),
        (_, InstallationScheduledV1 e) => state.When(InstallationScheduledUpcaster.Upcast(e)),
        (_, InstallationScheduled e) => state.When(e),
        (_, InstallationRescheduled e) => state.When(e),
        (_, SystemInstalled e) => state.When(e),
        (_, GridConnectionApproved e) => state.When(e),
        (_, SystemActivated e) => state.When(e),
        (_, PaymentRecordedV1 e) => state.When(PaymentRecordedUpcaster.Upcast(e)),
        (_, PaymentRecorded e) => state.When(e),
        (_, PaymentExceededBalance e) => state.When(e),
        (_, PaymentRefunded e) => state.When(e),
        (_, SystemConfigurationChanged e) => state.When(e),
        (_, PriceAdjusted e) => state.When(e),
        (_, OrderCancelled e) => state.When(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an order event.", nameof(@event)),
    };
}
