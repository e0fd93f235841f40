using SolarEvents.Domain.Common;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>
/// One stream told through the domain's own decision functions: each step decides on the state folded so
/// far, and the events it produces are kept for appending. A refused step fails the test at once.
/// </summary>
public sealed class Story<TState>(Guid streamId, Func<TState?, object, TState> evolve)
    where TState : class
{
    private readonly List<object> _events = [];
    private TState? _state;

    public Guid StreamId { get; } = streamId;

    public IReadOnlyList<object> Events => _events;

    public TState State => _state ?? throw new InvalidOperationException("The story has not started.");

    public Story<TState> Start(Func<Decision> decide) => Record(decide());

    public Story<TState> Then(Func<TState, Decision> decide) => Record(decide(State));

    /// <summary>For a shape no decision produces any more (an old event version), as old code wrote it.</summary>
    public Story<TState> ThenStored(object @event) => Record(Decision.Accept(@event));

    private Story<TState> Record(Decision decision)
    {
        if (decision.Error is { } error) throw new InvalidOperationException($"Step refused: {error.Code} ({error.Detail}).");
        foreach (var @event in decision.Events)
        {
            _events.Add(@event);
            _state = evolve(_state, @event);
        }

        return this;
    }
}
