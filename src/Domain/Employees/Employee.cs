using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Employees;

/// <summary>Break-glass access currently held; it lapses by itself at <see cref="Until"/>.</summary>
public sealed record ActiveBreakGlass(Guid TargetStreamId, Guid ChangeRequestId, DateTimeOffset Until);

/// <summary>A proposal to make the employee an admin, waiting for someone other than <see cref="NominatedBy"/>.</summary>
public sealed record PendingAdminNomination(Guid NominatedBy, DateTimeOffset ExpiresAt);

/// <summary>One employee's standing: roles, field crew, a pending admin nomination and break-glass access. Decisions
/// are in Employee.Decisions.cs.</summary>
public sealed partial record Employee(Guid Id, bool Offboarded, EnumSet<EmployeeRole> Roles)
{
    public ActiveBreakGlass? BreakGlass { get; init; }

    public PendingAdminNomination? AdminNomination { get; init; }

    /// <summary>The field crew of an installer; null for everyone else, and for an installer not yet assigned.</summary>
    public Guid? CrewId { get; init; }

    public static Employee Start(EmployeeOnboarded e) => new(e.EmployeeId, Offboarded: false, default);

    public Employee When(EmployeeRoleGranted e) => e.Role == EmployeeRole.Admin
        ? this with { Roles = Roles.With(e.Role), AdminNomination = null }
        : this with { Roles = Roles.With(e.Role) };

    public Employee When(AdminNominated e) => this with { AdminNomination = new PendingAdminNomination(e.NominatedBy, e.ExpiresAt) };

    public Employee When(AdminNominationRejected e) => this with { AdminNomination = null };

    /// <summary>An employee who is no longer an installer is in no crew.</summary>
    public Employee When(EmployeeRoleRevoked e) => e.Role == EmployeeRole.Installer
        ? this with { Roles = Roles.Without(e.Role), CrewId = null }
        : this with { Roles = Roles.Without(e.Role) };

    /// <summary>Clears roles, crew and access even though revocations precede it: an offboarded employee holds
    /// nothing, whatever an older stream might contain.</summary>
    public Employee When(EmployeeOffboarded e) =>
        this with { Offboarded = true, Roles = default, CrewId = null, BreakGlass = null, AdminNomination = null };

    public Employee When(CrewAssigned e) => this with { CrewId = e.CrewId };

    public Employee When(BreakGlassGranted e) =>
        this with { BreakGlass = new ActiveBreakGlass(e.TargetStreamId, e.ChangeRequestId, e.Until) };

    public Employee When(BreakGlassEnded e) => this with { BreakGlass = null };

    /// <summary>For the application's authorization handlers: may this employee read the target's personal data now?</summary>
    public bool HasBreakGlassAccessTo(Guid targetStreamId, DateTimeOffset now) =>
        !Offboarded && BreakGlass is { } access && access.TargetStreamId == targetStreamId && now < access.Until;
}
