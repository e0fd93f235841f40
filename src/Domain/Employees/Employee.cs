using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Employees;

/// <summary>Break-glass access currently held; it lapses by itself at <see cref="Until"/>.</summary>
public sealed record ActiveBreakGlass(Guid TargetStreamId, Guid ChangeRequestId, DateTimeOffset Until);

/// <summary>One employee's standing: roles and break-glass access. Decisions are in Employee.Decisions.cs.</summary>
public sealed partial record Employee(Guid Id, bool Offboarded, EnumSet<EmployeeRole> Roles)
{
    public ActiveBreakGlass? BreakGlass { get; init; }

    public static Employee Start(EmployeeOnboarded e) => new(e.EmployeeId, Offboarded: false, default);

    public Employee When(EmployeeRoleGranted e) => this with { Roles = Roles.With(e.Role) };

    public Employee When(EmployeeRoleRevoked e) => this with { Roles = Roles.Without(e.Role) };

    /// <summary>Clears roles and access even though revocations precede it: an offboarded employee holds
    /// nothing, whatever an older stream might contain.</summary>
    public Employee When(EmployeeOffboarded e) => this with { Offboarded = true, Roles = default, BreakGlass = null };

    public Employee When(BreakGlassGranted e) =>
        this with { BreakGlass = new ActiveBreakGlass(e.TargetStreamId, e.ChangeRequestId, e.Until) };

    public Employee When(BreakGlassEnded e) => this with { BreakGlass = null };

    /// <summary>For the application's authorization handlers: may this employee read the target's personal data now?</summary>
    public bool HasBreakGlassAccessTo(Guid targetStreamId, DateTimeOffset now) =>
        !Offboarded && BreakGlass is { } access && access.TargetStreamId == targetStreamId && now < access.Until;
}
