namespace SolarEvents.Domain.Employees;

public sealed record OnboardEmployee(Guid EmployeeId, string DisplayName, string WorkEmail, Guid OnboardedBy);

public sealed record GrantRole(Guid EmployeeId, EmployeeRole Role, Guid GrantedBy);

public sealed record RevokeRole(Guid EmployeeId, EmployeeRole Role, Guid RevokedBy, string Reason);

public sealed record OffboardEmployee(Guid EmployeeId, Guid OffboardedBy, string Reason);

public sealed record NominateAdmin(Guid EmployeeId, Guid NominatedBy, string Reason);

public sealed record ApproveAdminNomination(Guid EmployeeId, Guid ApprovedBy);

public sealed record RejectAdminNomination(Guid EmployeeId, Guid RejectedBy, string Reason);

/// <summary>Given after <c>ChangeRequest.Authorize(request, employeeId, TargetStreamId, BreakGlassAccess, now)</c>
/// accepted: the request is the employee's own, approved by someone else, and still open.</summary>
public sealed record GrantBreakGlass(Guid EmployeeId, Guid TargetStreamId, Guid ChangeRequestId, DateTimeOffset Until);

public sealed record EndBreakGlass(Guid EmployeeId, string Reason);

/// <summary>An admin puts an installer in a field crew (or moves them to another one).</summary>
public sealed record AssignCrew(Guid EmployeeId, Guid CrewId, Guid AssignedBy);
