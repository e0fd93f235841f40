using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Identity.Sessions;

/// <summary>An employee's roles, as their Employee stream says now (every grant and revocation is an event).</summary>
public sealed class EmployeeRoles(IDocumentStore store)
{
    public async Task<IReadOnlyList<string>> CurrentAsync(Guid employeeId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var employee = await session.Events.AggregateStreamAsync<Employee>(employeeId, token: cancellation);
        return employee is null || employee.Offboarded ? [] : [.. employee.Roles.ToList().Select(role => role.ToString())];
    }
}
