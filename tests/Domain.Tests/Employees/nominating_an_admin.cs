using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Employees.EmployeeStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

/// <summary>Admin takes two people: one nominates, someone else approves before the nomination expires.</summary>
public class nominating_an_admin
{
    private static readonly Guid SecondAdminId = Id(64);
    private const string Why = "Takes over onboarding while the team grows";

    private static AdminNominated Nominated(DateTimeOffset at) =>
        new(EmployeeId, AdminId, Why, at, at + EmployeeRules.AdminNominationValidFor);

    [Fact]
    public void admin_is_never_granted_directly() =>
        Expect.Refused(
            Employee.GrantRole(Given(), new GrantRole(EmployeeId, EmployeeRole.Admin, AdminId), Now),
            EmployeeRules.AdminNeedsNomination);

    [Fact]
    public void the_seeded_first_admin_is_granted_by_the_system_actor() =>
        Expect.Events(
            Employee.GrantSeededRole(Given(), EmployeeRole.Admin, Now),
            new EmployeeRoleGranted(EmployeeId, EmployeeRole.Admin, Employee.SystemActorId, Now));

    [Fact]
    public void a_nomination_records_who_why_and_until_when() =>
        Expect.Events(
            Employee.NominateAdmin(Given(), new NominateAdmin(EmployeeId, AdminId, Why), Now),
            new AdminNominated(EmployeeId, AdminId, Why, Now, Now.AddDays(3)));

    [Fact]
    public void nobody_nominates_themselves_someone_already_admin_or_someone_already_nominated()
    {
        Expect.Refused(Employee.NominateAdmin(Given(), new NominateAdmin(EmployeeId, EmployeeId, Why), Now), EmployeeRules.RoleSelfGrant);
        Expect.Refused(Employee.NominateAdmin(Given(Granted(EmployeeRole.Admin)), new NominateAdmin(EmployeeId, AdminId, Why), Now),
            EmployeeRules.RoleAlreadyHeld);
        Expect.Refused(Employee.NominateAdmin(Given(Nominated(Now.AddHours(-1))), new NominateAdmin(EmployeeId, SecondAdminId, Why), Now),
            EmployeeRules.AdminNominationPending);
    }

    [Fact]
    public void an_expired_nomination_can_be_made_again_but_not_approved()
    {
        var lapsed = Given(Nominated(Now - EmployeeRules.AdminNominationValidFor));

        Expect.Accepted(Employee.NominateAdmin(lapsed, new NominateAdmin(EmployeeId, SecondAdminId, Why), Now));
        Expect.Refused(Employee.ApproveAdminNomination(lapsed, new ApproveAdminNomination(EmployeeId, SecondAdminId), Now),
            EmployeeRules.AdminNominationMissing);
    }

    [Fact]
    public void someone_other_than_the_nominator_approves_and_the_grant_names_them()
    {
        var decision = Employee.ApproveAdminNomination(Given(Nominated(Now.AddHours(-1))), new ApproveAdminNomination(EmployeeId, SecondAdminId), Now);

        Expect.Events(decision, new EmployeeRoleGranted(EmployeeId, EmployeeRole.Admin, SecondAdminId, Now));
        var admin = Given([Nominated(Now.AddHours(-1)), .. decision.Events]);
        Assert.True(admin.Roles.Contains(EmployeeRole.Admin));
        Assert.Null(admin.AdminNomination);
    }

    [Fact]
    public void neither_the_nominator_nor_the_nominee_approves()
    {
        var nominated = Given(Nominated(Now.AddHours(-1)));

        Expect.Refused(Employee.ApproveAdminNomination(nominated, new ApproveAdminNomination(EmployeeId, AdminId), Now),
            EmployeeRules.AdminNominationOwnApproval);
        Expect.Refused(Employee.ApproveAdminNomination(nominated, new ApproveAdminNomination(EmployeeId, EmployeeId), Now),
            EmployeeRules.RoleSelfGrant);
    }

    [Fact]
    public void a_rejected_nomination_can_no_longer_be_approved()
    {
        var decision = Employee.RejectAdminNomination(
            Given(Nominated(Now.AddHours(-1))), new RejectAdminNomination(EmployeeId, SecondAdminId, "Not this quarter"), Now);

        Expect.Events(decision, new AdminNominationRejected(EmployeeId, SecondAdminId, "Not this quarter", Now));
        var rejected = Given([Nominated(Now.AddHours(-1)), .. decision.Events]);
        Expect.Refused(Employee.ApproveAdminNomination(rejected, new ApproveAdminNomination(EmployeeId, SecondAdminId), Now),
            EmployeeRules.AdminNominationMissing);
        Expect.Refused(Employee.RejectAdminNomination(rejected, new RejectAdminNomination(EmployeeId, SecondAdminId, "Again"), Now),
            EmployeeRules.AdminNominationMissing);
    }

    [Fact]
    public void offboarding_drops_the_nomination()
    {
        var gone = Given(Nominated(Now.AddDays(-2)), Offboarded);

        Assert.Null(gone.AdminNomination);
        Expect.Refused(Employee.ApproveAdminNomination(gone, new ApproveAdminNomination(EmployeeId, SecondAdminId), Now),
            EmployeeRules.EmployeeIsOffboarded);
        Expect.Refused(Employee.NominateAdmin(gone, new NominateAdmin(EmployeeId, AdminId, Why), Now), EmployeeRules.EmployeeIsOffboarded);
    }
}
