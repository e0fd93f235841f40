namespace SolarEvents.Domain.ChangeRequests;

/// <summary><paramref name="ValidFor"/> comes from configuration (how long unused requests stay usable).</summary>
public sealed record OpenChangeRequest(
    Guid RequestId,
    Guid OpenedBy,
    Guid TargetStreamId,
    IReadOnlyList<ChangeCategory> Categories,
    string Reason,
    string CustomerContactReference,
    TimeSpan ValidFor);

public sealed record ApproveChangeRequest(Guid RequestId, Guid ApprovedBy, string Comment);

public sealed record RejectChangeRequest(Guid RequestId, Guid RejectedBy, string Reason);

public sealed record RecordAppliedChanges(
    Guid RequestId, Guid TargetStreamId, IReadOnlyList<string> EventTypes, long TargetStreamVersion);

public sealed record CloseChangeRequest(Guid RequestId, Guid ClosedBy, string Outcome);

public sealed record ExpireChangeRequest(Guid RequestId);
