using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Employees.EmployeeStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

/// <summary>Installers work in field crews; an admin puts them in one.</summary>
public class assigning_crews
{
    private static readonly Guid CrewId = Id(70);
    private static readonly Guid OtherCrewId = Id(71);
    private static readonly AssignCrew Assign = new(EmployeeId, CrewId, AdminId);

    private static CrewAssigned Assigned(Guid crewId) => new(EmployeeId, crewId, AdminId, Now.AddDays(-10));

    [Fact]
    public void a_new_employee_is_in_no_crew() => Assert.Null(Given(Granted(EmployeeRole.Installer)).CrewId);

    [Fact]
    public void an_admin_assigns_an_installer_to_a_crew()
    {
        var decision = Employee.AssignCrew(Given(Granted(EmployeeRole.Installer)), Assign, Now);

        Expect.Events(decision, new CrewAssigned(EmployeeId, CrewId, AdminId, Now));
        Assert.Equal(CrewId, Given([Granted(EmployeeRole.Installer), .. decision.Events]).CrewId);
    }

    [Fact]
    public void assigning_again_moves_the_installer_to_the_other_crew()
    {
        var decision = Employee.AssignCrew(Given(Granted(EmployeeRole.Installer), Assigned(CrewId)), Assign with { CrewId = OtherCrewId }, Now);

        Expect.Events(decision, new CrewAssigned(EmployeeId, OtherCrewId, AdminId, Now));
        Assert.Equal(OtherCrewId, Given([Granted(EmployeeRole.Installer), Assigned(CrewId), .. decision.Events]).CrewId);
    }

    [Fact]
    public void assigning_the_crew_the_installer_is_already_in_is_refused() =>
        Expect.Refused(
            Employee.AssignCrew(Given(Granted(EmployeeRole.Installer), Assigned(CrewId)), Assign, Now),
            EmployeeRules.CrewUnchanged);

    [Theory]
    [InlineData(EmployeeRole.Sales)]
    [InlineData(EmployeeRole.Engineer)]
    [InlineData(EmployeeRole.SupportAgent)]
    public void an_employee_who_is_not_an_installer_is_in_no_crew(EmployeeRole role) =>
        Expect.Refused(Employee.AssignCrew(Given(Granted(role)), Assign, Now), EmployeeRules.CrewNeedsInstaller);

    [Fact]
    public void an_assignment_without_a_crew_is_refused() =>
        Expect.Refused(
            Employee.AssignCrew(Given(Granted(EmployeeRole.Installer)), Assign with { CrewId = Guid.Empty }, Now),
            EmployeeRules.CrewMissing);

    [Fact]
    public void an_offboarded_employee_is_assigned_to_no_crew() =>
        Expect.Refused(
            Employee.AssignCrew(Given(Granted(EmployeeRole.Installer), Offboarded), Assign, Now),
            EmployeeRules.EmployeeIsOffboarded);

    [Fact]
    public void revoking_the_installer_role_takes_the_employee_out_of_the_crew()
    {
        var revoked = new EmployeeRoleRevoked(EmployeeId, EmployeeRole.Installer, AdminId, "Moved to the office", Now.AddDays(-1));

        var employee = Given(Granted(EmployeeRole.Installer), Assigned(CrewId), revoked);

        Assert.Null(employee.CrewId);
        Expect.Refused(Employee.AssignCrew(employee, Assign, Now), EmployeeRules.CrewNeedsInstaller);
    }

    [Fact]
    public void revoking_another_role_leaves_the_crew_as_it_is()
    {
        var revoked = new EmployeeRoleRevoked(EmployeeId, EmployeeRole.Sales, AdminId, "Moved team", Now.AddDays(-1));

        Assert.Equal(CrewId, Given(Granted(EmployeeRole.Sales), Granted(EmployeeRole.Installer), Assigned(CrewId), revoked).CrewId);
    }

    [Fact]
    public void an_installer_granted_the_role_again_starts_in_no_crew()
    {
        var revoked = new EmployeeRoleRevoked(EmployeeId, EmployeeRole.Installer, AdminId, "Leave", Now.AddDays(-2));

        var back = Given(Granted(EmployeeRole.Installer), Assigned(CrewId), revoked, Granted(EmployeeRole.Installer));

        Assert.Null(back.CrewId);
        Expect.Accepted(Employee.AssignCrew(back, Assign, Now));
    }

    [Fact]
    public void offboarding_takes_the_installer_out_of_the_crew_even_from_an_old_stream_without_revocations() =>
        Assert.Null(Given(Granted(EmployeeRole.Installer), Assigned(CrewId), Offboarded).CrewId);
}
