using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.GrantingRoles;

/// <summary>An admin grants roles to others, never to themselves. Admin itself is refused by the employee
/// (<see cref="EmployeeRules.AdminNeedsNomination"/>): it goes through a nomination another person approves.</summary>
public sealed class GrantRoleAuthorization() : CommandAuthorizationHandler<GrantRole>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, GrantRole command) => command.GrantedBy == actor.Id && command.EmployeeId != actor.Id;
}

public static class GrantRoleHandler
{
    public static Task<StreamChanged> Handle(
        GrantRole command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.GrantRole(employee, command, streams.Now), cancellation);
    }
}
