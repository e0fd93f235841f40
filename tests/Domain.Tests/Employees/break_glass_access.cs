using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Employees.EmployeeStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

public class break_glass_access
{
    private static readonly GrantBreakGlass Grant = new(EmployeeId, AccountId, RequestId, Now.AddHours(2));

    [Fact]
    public void granting_records_target_request_and_end() =>
        Expect.Events(
            Employee.GrantBreakGlass(Given(Granted(EmployeeRole.Engineer)), Grant, Now),
            new BreakGlassGranted(EmployeeId, AccountId, RequestId, Now.AddHours(2), Now));

    [Fact]
    public void access_covers_only_the_target_and_only_until_its_end()
    {
        var employee = Given(BreakGlass(Now.AddHours(2)));

        Assert.True(employee.HasBreakGlassAccessTo(AccountId, Now));
        Assert.False(employee.HasBreakGlassAccessTo(Id(99), Now));
        Assert.False(employee.HasBreakGlassAccessTo(AccountId, Now.AddHours(2)));
    }

    [Fact]
    public void granting_while_access_is_active_is_refused() =>
        Expect.Refused(
            Employee.GrantBreakGlass(Given(BreakGlass(Now.AddHours(1))), Grant, Now),
            EmployeeRules.BreakGlassAlreadyActive);

    [Fact]
    public void granting_after_a_lapse_ends_the_lapsed_access_first() =>
        Expect.Events(
            Employee.GrantBreakGlass(Given(BreakGlass(Now.AddMinutes(-1))), Grant, Now),
            new BreakGlassEnded(EmployeeId, RequestId, Employee.EndedByLapse, Now),
            new BreakGlassGranted(EmployeeId, AccountId, RequestId, Now.AddHours(2), Now));

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(8 * 60 + 1)]
    public void access_ending_now_or_lasting_over_eight_hours_is_refused(int minutes) =>
        Expect.Refused(
            Employee.GrantBreakGlass(Given(), Grant with { Until = Now.AddMinutes(minutes) }, Now),
            EmployeeRules.BreakGlassWindowInvalid);

    [Fact]
    public void granting_to_an_offboarded_employee_is_refused() =>
        Expect.Refused(Employee.GrantBreakGlass(Given(Offboarded), Grant, Now), EmployeeRules.EmployeeIsOffboarded);

    [Fact]
    public void ending_access_early() =>
        Expect.Events(
            Employee.EndBreakGlass(Given(BreakGlass(Now.AddHours(1))), new EndBreakGlass(EmployeeId, "Incident closed"), Now),
            new BreakGlassEnded(EmployeeId, RequestId, "Incident closed", Now));

    [Fact]
    public void ending_access_that_is_not_there_is_refused() =>
        Expect.Refused(
            Employee.EndBreakGlass(Given(), new EndBreakGlass(EmployeeId, "x"), Now),
            EmployeeRules.BreakGlassNotActive);
}
