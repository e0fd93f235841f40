using SolarEvents.Domain.Employees;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Employees;

public static class EmployeeStory
{
    public static readonly Guid EmployeeId = Id(60);
    public static readonly Guid AdminId = Id(61);
    public static readonly Guid AccountId = Id(62);
    public static readonly Guid RequestId = Id(63);

    public static EmployeeOnboarded Onboarded => new(EmployeeId, "Grace", "grace@solar.test", AdminId, Now.AddDays(-30));

    public static EmployeeRoleGranted Granted(EmployeeRole role) => new(EmployeeId, role, AdminId, Now.AddDays(-29));

    public static EmployeeOffboarded Offboarded => new(EmployeeId, AdminId, "Left", Now.AddDays(-1));

    public static BreakGlassGranted BreakGlass(DateTimeOffset until) =>
        new(EmployeeId, AccountId, RequestId, until, until.AddHours(-2));

    public static Employee Given(params object[] events) => EmployeeHistory.Rebuild([Onboarded, .. events]);
}
