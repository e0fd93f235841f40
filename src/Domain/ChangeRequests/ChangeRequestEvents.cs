namespace SolarEvents.Domain.ChangeRequests;

/// <summary>
/// <paramref name="TargetStreamId"/> is the order or account the request may change (for break-glass: the
/// account whose data may be read). <paramref name="CustomerContactReference"/> points at the customer
/// contact (ticket, call) that prompted it, never at the customer's details themselves.
/// </summary>
public sealed record ChangeRequestOpened(
    Guid RequestId,
    Guid OpenedBy,
    Guid TargetStreamId,
    IReadOnlyList<ChangeCategory> Categories,
    string Reason,
    string CustomerContactReference,
    DateTimeOffset OpenedAt,
    DateTimeOffset ExpiresAt);

public sealed record ChangeRequestApproved(Guid RequestId, Guid ApprovedBy, string Comment, DateTimeOffset ApprovedAt);

public sealed record ChangeRequestRejected(Guid RequestId, Guid RejectedBy, string Reason, DateTimeOffset RejectedAt);

/// <summary>Links the request to what it changed: the target stream's events (by stable type name) and the
/// stream version they brought it to, so compliance can walk from the request to the exact events.</summary>
public sealed record ChangeRequestChangesApplied(
    Guid RequestId,
    Guid TargetStreamId,
    IReadOnlyList<string> EventTypes,
    long TargetStreamVersion,
    DateTimeOffset AppliedAt);

public sealed record ChangeRequestClosed(Guid RequestId, Guid ClosedBy, string Outcome, DateTimeOffset ClosedAt);

/// <summary>Appended by the scheduler when the request's time ran out; until then, decisions already
/// treat a request past <c>ExpiresAt</c> as expired.</summary>
public sealed record ChangeRequestExpired(Guid RequestId, DateTimeOffset ExpiredAt);
