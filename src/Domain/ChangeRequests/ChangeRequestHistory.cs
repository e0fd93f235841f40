namespace SolarEvents.Domain.ChangeRequests;

/// <summary>Folds a change request's events into its state, as Marten does through Create/Apply.</summary>
public static class ChangeRequestHistory
{
    public static ChangeRequest Rebuild(IEnumerable<object> events) =>
        events.Aggregate((ChangeRequest?)null, Evolve)
        ?? throw new ArgumentException("A change request stream cannot be empty.", nameof(events));

    public static ChangeRequest Evolve(ChangeRequest? state, object @event) => (state, @event) switch
    {
        (null, ChangeRequestOpened e) => ChangeRequest.Create(e),
        (null, _) => throw new ArgumentException($"A change request stream starts with {nameof(ChangeRequestOpened)}.", nameof(@event)),
        (_, ChangeRequestApproved e) => state.Apply(e),
        (_, ChangeRequestRejected e) => state.Apply(e),
        (_, ChangeRequestChangesApplied e) => state.Apply(e),
        (_, ChangeRequestClosed e) => state.Apply(e),
        (_, ChangeRequestExpired e) => state.Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a change request event.", nameof(@event)),
    };
}
