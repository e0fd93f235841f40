namespace SolarEvents.Domain.Employees;

/// <summary>Folds an employee's events into their state, as Marten does through Create/Apply.</summary>
public static class EmployeeHistory
{
    public static Employee Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Employee?)null, Evolve) ?? throw new ArgumentException("An employee stream cannot be empty.", nameof(events));

    public static Employee Evolve(Employee? state, object @event) => (state, @event) switch
    {
        (null, EmployeeOnboarded e) => Employee.Create(e),
        (null, _) => throw new ArgumentException($"An employee stream starts with {nameof(EmployeeOnboarded)}.", nameof(@event)),
        (_, EmployeeRoleGranted e) => state.Apply(e),
        (_, EmployeeRoleRevoked e) => state.Apply(e),
        (_, EmployeeOffboarded e) => state.Apply(e),
        (_, BreakGlassGranted e) => state.Apply(e),
        (_, BreakGlassEnded e) => state.Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an employee event.", nameof(@event)),
    };
}
