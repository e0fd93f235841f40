using CsCheck;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Employees.EmployeeStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

public class employee_properties
{
    private static readonly Guid SecondAdminId = Id(64);

    /// <summary>Actor 0 is the employee themselves, 1 and 2 are two different admins.</summary>
    private sealed record Move(int Command, EmployeeRole Role, int Actor, int Minutes);

    private static readonly Gen<Move> Moves = Gen.Select(
        Gen.Int[0, 8], Gen.Enum<EmployeeRole>(), Gen.Int[0, 2], Gen.Int[-30, 600], (c, r, a, m) => new Move(c, r, a, m));

    [Fact]
    public void random_administration_never_leaves_roles_or_crews_with_the_offboarded_or_self_granted_grants_admin_only_on_four_eyes_and_replays_the_same()
    {
        var adminGrants = 0;
        var crewAssignments = 0;
        Moves.Array[1, 40].Sample(moves =>
        {
            var replay = new Replay<Employee>(EmployeeHistory.Evolve);
            var now = Now;
            replay.Run(Employee.Onboard(new(EmployeeId, "Grace", "grace@solar.test", AdminId), now));
            foreach (var move in moves)
            {
                now = now.AddMinutes(Math.Abs(move.Minutes) / 4);
                var before = replay.State!;
                var decision = replay.Run(Decide(before, move, now));
                Assert.DoesNotContain(decision.Events, e => e is EmployeeRoleGranted g && g.GrantedBy == g.EmployeeId);
                if (decision.Events.Any(e => e is EmployeeRoleGranted { Role: EmployeeRole.Admin }))
                {
                    Assert.True(before.AdminNomination is { } n && now < n.ExpiresAt && n.NominatedBy != ActorOf(move));
                    Interlocked.Increment(ref adminGrants);
                }
                if (decision.Events.Any(e => e is CrewAssigned)) Interlocked.Increment(ref crewAssignments);
                if (before.Offboarded) Assert.Empty(decision.Events);
                if (replay.State!.Offboarded) Assert.True(replay.State.Roles.IsEmpty && replay.State.BreakGlass is null);
                if (replay.State.CrewId is not null) Assert.True(replay.State.Roles.Contains(EmployeeRole.Installer), "a crew member who is no installer");
            }

            Assert.Equal(RolesFromLog(replay.Events), replay.State!.Roles);
            Assert.Equal(replay.State, EmployeeHistory.Rebuild(EventJson.RoundTrip(replay.Events)));
        }, iter: 2000);
        Assert.True(adminGrants > 0, "No sequence reached an admin grant: the generator needs tuning.");
        Assert.True(crewAssignments > 0, "No sequence assigned a crew: the generator needs tuning.");
    }

    private static Decision Decide(Employee employee, Move move, DateTimeOffset now)
    {
        var actor = ActorOf(move);
        return move.Command switch
        {
            0 => Employee.GrantRole(employee, new(EmployeeId, move.Role, actor), now),
            1 => Employee.RevokeRole(employee, new(EmployeeId, move.Role, actor, "r"), now),
            2 => Employee.GrantBreakGlass(employee, new(EmployeeId, AccountId, RequestId, now.AddMinutes(move.Minutes)), now),
            3 => Employee.EndBreakGlass(employee, new(EmployeeId, "done"), now),
            4 => Employee.NominateAdmin(employee, new(EmployeeId, actor, "why"), now),
            5 => Employee.ApproveAdminNomination(employee, new(EmployeeId, actor), now),
            6 => Employee.RejectAdminNomination(employee, new(EmployeeId, actor, "no"), now),
            // One of two crews, or none at all.
            7 => Employee.AssignCrew(employee, new(EmployeeId, move.Actor == 0 ? Guid.Empty : Id(70 + move.Actor), actor), now),
            // Offboarding ends everything, so it comes rarely, to let sequences run on.
            _ => move.Minutes % 5 == 0 ? Employee.Offboard(employee, new(EmployeeId, AdminId, "left"), now) : Decision.Accept(),
        };
    }

    private static Guid ActorOf(Move move) => move.Actor switch { 0 => EmployeeId, 1 => AdminId, _ => SecondAdminId };

    /// <summary>The roles an auditor would read off the grant and revoke events alone.</summary>
    private static EnumSet<EmployeeRole> RolesFromLog(IEnumerable<object> events) =>
        events.Aggregate(default(EnumSet<EmployeeRole>), (roles, e) => e switch
        {
            EmployeeRoleGranted g => roles.With(g.Role),
            EmployeeRoleRevoked r => roles.Without(r.Role),
            _ => roles,
        });
}
