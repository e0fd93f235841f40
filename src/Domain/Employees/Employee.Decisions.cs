using SolarEvents.Domain.Common;
using static SolarEvents.Domain.Employees.EmployeeRules;

namespace SolarEvents.Domain.Employees;

public sealed partial record Employee
{
    public const string EndedByOffboarding = "Offboarded.";
    public const string EndedByLapse = "Time ran out.";

    public static Decision Onboard(OnboardEmployee command, DateTimeOffset now) =>
        Decision.Accept(new EmployeeOnboarded(
            command.EmployeeId, command.DisplayName, command.WorkEmail, command.OnboardedBy, now));

    public static Decision GrantRole(Employee employee, GrantRole command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (command.GrantedBy == employee.Id) return Refuse(RoleSelfGrant);
        if (employee.Roles.Contains(command.Role)) return Refuse(RoleAlreadyHeld);
        return Decision.Accept(new EmployeeRoleGranted(employee.Id, command.Role, command.GrantedBy, now));
    }

    public static Decision RevokeRole(Employee employee, RevokeRole command, DateTimeOffset now)
    {
        if (employee.Offboarded) return Refuse(EmployeeIsOffboarded);
        if (!employee.Roles.Contains(command.Role)) return Refuse(RoleNotHeld);
        return Decision.Accept(new EmployeeRoleRevoked(employee.Id, command.Role, command.RevokedBy, command.Reason, now));
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
