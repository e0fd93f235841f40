using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Employees.EmployeeStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

public class granting_and_revoking_roles
{
    [Fact]
    public void onboarding_records_the_employee_and_who_onboarded_them() =>
        Expect.Events(
            Employee.Onboard(new OnboardEmployee(EmployeeId, "Grace", "grace@solar.test", AdminId), Now),
            new EmployeeOnboarded(EmployeeId, "Grace", "grace@solar.test", AdminId, Now));

    [Fact]
    public void a_new_employee_holds_no_roles() => Assert.True(Given().Roles.IsEmpty);

    [Fact]
    public void an_admin_grants_a_role() =>
        Expect.Events(
            Employee.GrantRole(Given(), new GrantRole(EmployeeId, EmployeeRole.SupportAgent, AdminId), Now),
            new EmployeeRoleGranted(EmployeeId, EmployeeRole.SupportAgent, AdminId, Now));

    [Fact]
    public void granting_a_role_to_oneself_is_refused() =>
        Expect.Refused(
            Employee.GrantRole(Given(Granted(EmployeeRole.Admin)), new GrantRole(EmployeeId, EmployeeRole.Engineer, EmployeeId), Now),
            EmployeeRules.RoleSelfGrant);

    [Fact]
    public void granting_a_role_already_held_is_refused() =>
        Expect.Refused(
            Employee.GrantRole(Given(Granted(EmployeeRole.Sales)), new GrantRole(EmployeeId, EmployeeRole.Sales, AdminId), Now),
            EmployeeRules.RoleAlreadyHeld);

    [Fact]
    public void revoking_a_held_role()
    {
        var decision = Employee.RevokeRole(
            Given(Granted(EmployeeRole.Sales)), new RevokeRole(EmployeeId, EmployeeRole.Sales, AdminId, "Moved team"), Now);

        Expect.Events(decision, new EmployeeRoleRevoked(EmployeeId, EmployeeRole.Sales, AdminId, "Moved team", Now));
        Assert.True(Given([Granted(EmployeeRole.Sales), .. decision.Events]).Roles.IsEmpty);
    }

    [Fact]
    public void revoking_a_role_not_held_is_refused() =>
        Expect.Refused(
            Employee.RevokeRole(Given(), new RevokeRole(EmployeeId, EmployeeRole.Sales, AdminId, "x"), Now),
            EmployeeRules.RoleNotHeld);

    [Fact]
    public void offboarding_revokes_every_role_and_ends_break_glass_first()
    {
        var employee = Given(Granted(EmployeeRole.SupportAgent), Granted(EmployeeRole.Engineer), BreakGlass(Now.AddHours(1)));

        Expect.Events(
            Employee.Offboard(employee, new OffboardEmployee(EmployeeId, AdminId, "Left"), Now),
            new EmployeeRoleRevoked(EmployeeId, EmployeeRole.SupportAgent, AdminId, Employee.EndedByOffboarding, Now),
            new EmployeeRoleRevoked(EmployeeId, EmployeeRole.Engineer, AdminId, Employee.EndedByOffboarding, Now),
            new BreakGlassEnded(EmployeeId, RequestId, Employee.EndedByOffboarding, Now),
            new EmployeeOffboarded(EmployeeId, AdminId, "Left", Now));
    }

    [Fact]
    public void an_offboarded_employee_holds_no_roles_even_from_an_old_stream_without_revocations()
    {
        var employee = Given(Granted(EmployeeRole.Admin), BreakGlass(Now.AddHours(1)), Offboarded);

        Assert.True(employee.Roles.IsEmpty);
        Assert.Null(employee.BreakGlass);
        Assert.False(employee.HasBreakGlassAccessTo(AccountId, Now));
    }

    [Fact]
    public void an_offboarded_employee_accepts_no_grant_revocation_or_second_offboarding()
    {
        var gone = Given(Granted(EmployeeRole.Sales), Offboarded);

        Expect.Refused(Employee.GrantRole(gone, new(EmployeeId, EmployeeRole.Sales, AdminId), Now), EmployeeRules.EmployeeIsOffboarded);
        Expect.Refused(Employee.RevokeRole(gone, new(EmployeeId, EmployeeRole.Sales, AdminId, "x"), Now), EmployeeRules.EmployeeIsOffboarded);
        Expect.Refused(Employee.Offboard(gone, new(EmployeeId, AdminId, "x"), Now), EmployeeRules.EmployeeIsOffboarded);
    }
}
