namespace SolarEvents.Domain.ChangeRequests;

/// <summary>Folds a change request's events into its state, with Start/When; Marten's projection calls it too (see OrderHistory).</summary>
public static class ChangeRequestHistory
{
    public static ChangeRequest Rebuild(IEnumerable<object> events) =>
        events.Aggregate((ChangeRequest?)null, Evolve)
        ?? throw new ArgumentException("A change request stream cannot be empty.", nameof(events));

    public static ChangeRequest Evolve(ChangeRequest? state, object @event) => (state, @event) switch
    {
        (null, ChangeRequestOpened e) => ChangeRequest.Start(e),
        (null, _) => throw new ArgumentException($"A change request stream starts with {nameof(ChangeRequestOpened)}.", nameof(@event)),
        (_, ChangeRequestApproved e) => state.When(e),
        (_, ChangeRequestRejected e) => state.When(e),
        (_, ChangeRequestChangesApplied e) => state.When(e),
        (_, ChangeRequestClosed e) => state.When(e),
        (_, ChangeRequestExpired e) => state.When(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a change request event.", nameof(@event)),
    };
}
