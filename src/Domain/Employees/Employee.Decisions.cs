using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Employees.EmployeeRules;

namespace SolarEvents.Domain.Employees;

public sealed partial record Employee
{
    public const string EndedByOffboarding = "Offboarded.";
    public const string EndedByLapse = "Time ran out.";

    /// <summary>The actor of what the system does by itself: nobody, so no seeded role is ever self-granted.</summary>
    public static readonly Guid SystemActorId = Guid.Empty;

    public static Decision Onboard(OnboardEmployee command, DateTimeOffset now) =>
        Decision.Accept(new EmployeeOnboarded(
            command.EmployeeId, command.DisplayName, command.WorkEmail, command.OnboardedBy, now));

    public static Decision GrantRole(Employee employee, GrantRole command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (command.GrantedBy == employee.Id) return Refuse(RoleSelfGrant);
        if (employee.Roles.Contains(command.Role)) return Refuse(RoleAlreadyHeld);
        if (command.Role == EmployeeRole.Admin) return Refuse(AdminNeedsNomination);
        return Decision.Accept(new EmployeeRoleGranted(employee.Id, command.Role, command.GrantedBy, now));
    }

    /// <summary>The role of an employee seeded at start-up from the operator's configuration (the first admin).
    /// The system actor grants it: the configuration stands in for the nomination, so Admin is allowed here.</summary>
    public static Decision GrantSeededRole(Employee employee, EmployeeRole role, DateTimeOffset now) =>
        employee.Roles.Contains(role)
            ? Refuse(RoleAlreadyHeld)
            : Decision.Accept(new EmployeeRoleGranted(employee.Id, role, SystemActorId, now));

    /// <summary>Admin is the one role that can grant every other: two people decide it, the nominator and the approver.</summary>
    public static Decision NominateAdmin(Employee employee, NominateAdmin command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (command.NominatedBy == employee.Id) return Refuse(RoleSelfGrant);
        if (employee.Roles.Contains(EmployeeRole.Admin)) return Refuse(RoleAlreadyHeld);
        if (employee.PendingNomination(now) is not null) return Refuse(AdminNominationPending);
        return Decision.Accept(new AdminNominated(employee.Id, command.NominatedBy, command.Reason, now, now + AdminNominationValidFor));
    }

    public static Decision ApproveAdminNomination(Employee employee, ApproveAdminNomination command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (employee.PendingNomination(now) is not { } nomination) return Refuse(AdminNominationMissing);
        if (command.ApprovedBy == employee.Id) return Refuse(RoleSelfGrant);
        if (command.ApprovedBy == nomination.NominatedBy) return Refuse(AdminNominationOwnApproval);
        return Decision.Accept(new EmployeeRoleGranted(employee.Id, EmployeeRole.Admin, command.ApprovedBy, now));
    }

    /// <summary>The nominator may withdraw their own nomination this way too.</summary>
    public static Decision RejectAdminNomination(Employee employee, RejectAdminNomination command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (employee.PendingNomination(now) is null) return Refuse(AdminNominationMissing);
        return Decision.Accept(new AdminNominationRejected(employee.Id, command.RejectedBy, command.Reason, now));
    }

    /// <summary>An expired nomination is simply no longer there: it needs no event, its end is in the nomination.</summary>
    private PendingAdminNomination? PendingNomination(DateTimeOffset now) =>
        AdminNomination is { } nomination && now < nomination.ExpiresAt ? nomination : null;

    public static Decision RevokeRole(Employee employee, RevokeRole command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (!employee.Roles.Contains(command.Role)) return Refuse(RoleNotHeld);
        return Decision.Accept(new EmployeeRoleRevoked(employee.Id, command.Role, command.RevokedBy, command.Reason, now));
    }

    /// <summary>Crews are made of installers; moving an installer to another crew is assigning them again.</summary>
    public static Decision AssignCrew(Employee employee, AssignCrew command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (!employee.Roles.Contains(EmployeeRole.Installer)) return Refuse(CrewNeedsInstaller);
        if (command.CrewId == Guid.Empty) return Refuse(CrewMissing);
        if (employee.CrewId == command.CrewId) return Refuse(CrewUnchanged);
        return Decision.Accept(new CrewAssigned(employee.Id, command.CrewId, command.AssignedBy, now));
    }

    /// <summary>Every role still held is revoked, and break-glass ended, as events of their own, so the
    /// grant history of each role reads complete without knowing offboarding implies it.</summary>
    public static Decision Offboard(Employee employee, OffboardEmployee command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        var events = new List<object>();
        events.AddRange(employee.Roles.ToList().Select(role =>
            new EmployeeRoleRevoked(employee.Id, role, command.OffboardedBy, EndedByOffboarding, now)));
        if (employee.BreakGlass is { } access)
            events.Add(new BreakGlassEnded(employee.Id, access.ChangeRequestId, EndedByOffboarding, now));
        events.Add(new EmployeeOffboarded(employee.Id, command.OffboardedBy, command.Reason, now));
        return Decision.Accept([.. events]);
    }

    /// <summary>A lapsed grant still on record is ended first, so every grant in the stream has its end.</summary>
    public static Decision GrantBreakGlass(Employee employee, GrantBreakGlass command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (employee.BreakGlass is { } current && now < current.Until) return Refuse(BreakGlassAlreadyActive);
        if (command.Until <= now || command.Until - now > MaxBreakGlass) return Refuse(BreakGlassWindowInvalid);
        var granted = new BreakGlassGranted(
            employee.Id, command.TargetStreamId, command.ChangeRequestId, command.Until, now);
        return employee.BreakGlass is { } lapsed
            ? Decision.Accept(new BreakGlassEnded(employee.Id, lapsed.ChangeRequestId, EndedByLapse, now), granted)
            : Decision.Accept(granted);
    }

    /// <summary>Ends access early, or records that it lapsed (the scheduler calls this at <c>Until</c>).</summary>
    public static Decision EndBreakGlass(Employee employee, EndBreakGlass command, DateTimeOffset now) =>
        employee.BreakGlass is { } access
            ? Decision.Accept(new BreakGlassEnded(employee.Id, access.ChangeRequestId, command.Reason, now))
            : Refuse(BreakGlassNotActive);
}
