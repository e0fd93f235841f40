using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Tests.Support;

/// <summary>Runs decisions one after another like the application does, keeping every accepted event.</summary>
public sealed class Replay<TState>(Func<TState?, object, TState> evolve)
    where TState : class
{
    private readonly List<object> _events = [];

    public TState? State { get; private set; }

    public IReadOnlyList<object> Events => _events;

    public Decision Run(Decision decision)
    {
        if (!decision.IsAccepted) return decision;
        foreach (var e in decision.Events)
        {
            Assert.Contains(EventCatalog.Current, c => c.Type == e.GetType());
            State = evolve(State, e);
            _events.Add(e);
        }

        return decision;
    }
}
