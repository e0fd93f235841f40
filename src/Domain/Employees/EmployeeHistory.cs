namespace SolarEvents.Domain.Employees;

/// <summary>Folds an employee's events into their state, with Start/When; Marten's projection calls it too (see OrderHistory).</summary>
public static class EmployeeHistory
{
    public static Employee Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Employee?)null, Evolve) ?? throw new ArgumentException("An employee stream cannot be empty.", nameof(events));

    public static Employee Evolve(Employee? state, object @event) => (state, @event) switch
    {
        (null, EmployeeOnboarded e) => Employee.Start(e),
        (null, _) => throw new ArgumentException($"An employee stream starts with {nameof(EmployeeOnboarded)}.", nameof(@event)),
        (_, EmployeeRoleGranted e) => state.When(e),
        (_, EmployeeRoleRevoked e) => state.When(e),
        (_, EmployeeOffboarded e) => state.When(e),
        (_, AdminNominated e) => state.When(e),
        (_, AdminNominationRejected e) => state.When(e),
        (_, BreakGlassGranted e) => state.When(e),
        (_, BreakGlassEnded e) => state.When(e),
        (_, CrewAssigned e) => state.When(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an employee event.", nameof(@event)),
    };
}
