using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.ChangeRequests;

public enum ChangeRequestStatus
{
    Open,
    Approved,
    Rejected,
    Closed,
    Expired,
}

/// <summary>
/// The trail that lets support amend an order or account: who asked, for what, why, and who approved.
/// Decisions are in ChangeRequest.Decisions.cs; ChangeRequestHistory folds it through Start/When.
/// </summary>
public sealed partial record ChangeRequest(
    Guid Id,
    Guid OpenedBy,
    Guid TargetStreamId,
    EnumSet<ChangeCategory> Categories,
    ChangeRequestStatus Status,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Usable for changes: open (approved or not) and not yet closed, rejected or expired.</summary>
    public bool IsOpen => Status is ChangeRequestStatus.Open or ChangeRequestStatus.Approved;

    public static ChangeRequest Start(ChangeRequestOpened e) =>
        new(e.RequestId, e.OpenedBy, e.TargetStreamId, EnumSet.Of(e.Categories), ChangeRequestStatus.Open, e.ExpiresAt);

    public ChangeRequest When(ChangeRequestApproved e) => this with { Status = ChangeRequestStatus.Approved };

    public ChangeRequest When(ChangeRequestRejected e) => this with { Status = ChangeRequestStatus.Rejected };

    /// <summary>The trail entry matters to readers, not to decisions: the state does not change.</summary>
    public ChangeRequest When(ChangeRequestChangesApplied e) => this;

    public ChangeRequest When(ChangeRequestClosed e) => this with { Status = ChangeRequestStatus.Closed };

    public ChangeRequest When(ChangeRequestExpired e) => this with { Status = ChangeRequestStatus.Expired };
}
