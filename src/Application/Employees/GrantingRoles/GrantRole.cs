using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.GrantingRoles;

/// <summary>An admin grants roles to others, never to themselves. Admin itself is refused by the employee
/// (<see cref="EmployeeRules.AdminNeedsNomination"/>): it goes through a nomination another person approves.</summary>
public sealed class GrantRoleAuthorization : CommandAuthorizationHandler<GrantRole>
{
    protected override bool IsAllowed(Actor actor, GrantRole command) =>
        actor.Role == Roles.Admin && command.GrantedBy == actor.Id && command.EmployeeId != actor.Id;
}

public static class GrantRoleHandler
{
    public static Task<StreamChanged> Handle(GrantRole command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        EmployeeStreams.DecideAsync(session, command.EmployeeId, employee => Employee.GrantRole(employee, command, clock.GetUtcNow()), cancellation);
}
