using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.GrantingRoles;

/// <summary>An admin grants roles to others, never to themselves. Admin itself needs a second admin's
/// approval, which this command cannot carry, so it is refused here until that flow exists.</summary>
public sealed class GrantRoleAuthorization : CommandAuthorizationHandler<GrantRole>
{
    protected override bool IsAllowed(Actor actor, GrantRole command) =>
        actor.Role == Roles.Admin && command.GrantedBy == actor.Id && command.EmployeeId != actor.Id
        && command.Role != EmployeeRole.Admin;
}

public static class GrantRoleHandler
{
    public static async Task<StreamChanged> Handle(GrantRole command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Employee>(command.EmployeeId, cancellation);
        var employee = stream.Aggregate ?? throw new StreamNotFoundException(command.EmployeeId);
        var events = Employee.GrantRole(employee, command, clock.GetUtcNow()).ThrowIfRejected();
        stream.AppendMany(events);
        return new StreamChanged(command.EmployeeId, (stream.StartingVersion ?? 0) + events.Count);
    }
}
