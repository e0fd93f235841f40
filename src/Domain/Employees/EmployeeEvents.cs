namespace SolarEvents.Domain.Employees;

public sealed record EmployeeOnboarded(
    Guid EmployeeId, string DisplayName, string WorkEmail, Guid OnboardedBy, DateTimeOffset OnboardedAt);

public sealed record EmployeeRoleGranted(Guid EmployeeId, EmployeeRole Role, Guid GrantedBy, DateTimeOffset GrantedAt);

public sealed record EmployeeRoleRevoked(
    Guid EmployeeId, EmployeeRole Role, Guid RevokedBy, string Reason, DateTimeOffset RevokedAt);

/// <summary>Always preceded, in the same append, by a revocation of every role still held.</summary>
public sealed record EmployeeOffboarded(Guid EmployeeId, Guid OffboardedBy, string Reason, DateTimeOffset OffboardedAt);

/// <summary>An admin proposes making the employee an admin; another admin or a compliance officer approves it
/// (the grant that follows names them) or rejects it, before <see cref="ExpiresAt"/>.</summary>
public sealed record AdminNominated(Guid EmployeeId, Guid NominatedBy, string Reason, DateTimeOffset NominatedAt, DateTimeOffset ExpiresAt);

public sealed record AdminNominationRejected(Guid EmployeeId, Guid RejectedBy, string Reason, DateTimeOffset RejectedAt);

/// <summary>Time-boxed access to one customer's personal data, under an approved break-glass request.</summary>
public sealed record BreakGlassGranted(
    Guid EmployeeId, Guid TargetStreamId, Guid ChangeRequestId, DateTimeOffset Until, DateTimeOffset GrantedAt);

public sealed record BreakGlassEnded(Guid EmployeeId, Guid ChangeRequestId, string Reason, DateTimeOffset EndedAt);

/// <summary>The installer works in field crew <see cref="CrewId"/> from now on (one crew at a time).</summary>
public sealed record CrewAssigned(Guid EmployeeId, Guid CrewId, Guid AssignedBy, DateTimeOffset AssignedAt);
