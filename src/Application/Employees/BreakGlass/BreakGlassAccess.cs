using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>Whether an employee's break-glass access covers a customer right now, as their Employee stream says.
/// Read fresh on every use: access that ended or lapsed a moment ago no longer opens anything.</summary>
public sealed class BreakGlassAccess(IDocumentStore store, TimeProvider clock)
{
    public async Task<bool> CoversAsync(Guid employeeId, Guid accountId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var employee = await session.Events.AggregateStreamAsync<Employee>(employeeId, token: cancellation);
        return employee is not null && employee.HasBreakGlassAccessTo(accountId, clock.GetUtcNow());
    }
}
