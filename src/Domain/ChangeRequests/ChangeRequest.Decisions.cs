using SolarEvents.Domain.Common;
using static SolarEvents.Domain.ChangeRequests.ChangeRequestRules;

namespace SolarEvents.Domain.ChangeRequests;

public sealed partial record ChangeRequest
{
    public static Decision Open(OpenChangeRequest command, DateTimeOffset now)
    {
        if (command.Categories.Count == 0) return Refuse(RequestWithoutCategory);
        if (string.IsNullOrWhiteSpace(command.Reason)) return Refuse(RequestReasonMissing);
        if (command.ValidFor <= TimeSpan.Zero || command.ValidFor > MaxValidity) return Refuse(RequestValidityInvalid);
        return Decision.Accept(new ChangeRequestOpened(
            command.RequestId,
            command.OpenedBy,
            command.TargetStreamId,
            [.. command.Categories.Distinct()],
            command.Reason,
            command.CustomerContactReference,
            now,
            now + command.ValidFor));
    }

    public static Decision Approve(ChangeRequest request, ApproveChangeRequest command, DateTimeOffset now) =>
        CheckDecidable(request, command.ApprovedBy, now)
        ?? Decision.Accept(new ChangeRequestApproved(request.Id, command.ApprovedBy, command.Comment, now));

    public static Decision Reject(ChangeRequest request, RejectChangeRequest command, DateTimeOffset now) =>
        CheckDecidable(request, command.RejectedBy, now)
        ?? Decision.Accept(new ChangeRequestRejected(request.Id, command.RejectedBy, command.Reason, now));

    /// <summary>
    /// May <paramref name="actorId"/> make a change of <paramref name="category"/> to
    /// <paramref name="targetStreamId"/> under this request, now? Accepts with no events: the application
    /// asks this first, then lets the target aggregate decide, then records the change with
    /// <see cref="RecordAppliedChanges"/>.
    /// </summary>
    public static Decision Authorize(
        ChangeRequest request, Guid actorId, Guid targetStreamId, ChangeCategory category, DateTimeOffset now)
    {
        if (request.Status == ChangeRequestStatus.Expired || (request.IsOpen && now >= request.ExpiresAt))
            return Refuse(RequestExpired);
        if (!request.IsOpen) return Refuse(RequestNotOpen);
        if (category.IsMadeByOpener() && actorId != request.OpenedBy) return Refuse(RequestNotOwned);
        if (!category.IsMadeByOpener() && actorId == request.OpenedBy) return Refuse(RequestSelfExecution);
        if (targetStreamId != request.TargetStreamId) return Refuse(RequestWrongTarget);
        if (!request.Categories.Contains(category)) return Refuse(RequestCategoryNotCovered);
        if (category.IsSensitive() && request.Status != ChangeRequestStatus.Approved) return Refuse(RequestNotApproved);
        return Decision.Accept();
    }

    /// <summary>No expiry check here: the change was authorized (and appended) before the clock ran out,
    /// and the trail must still record it.</summary>
    public static Decision RecordAppliedChanges(ChangeRequest request, RecordAppliedChanges command, DateTimeOffset now)
    {
        if (!request.IsOpen) return Refuse(RequestNotOpen);
        if (command.TargetStreamId != request.TargetStreamId) return Refuse(RequestWrongTarget);
        if (command.EventTypes.Count == 0) return Refuse(RequestNoChanges);
        return Decision.Accept(new ChangeRequestChangesApplied(
            request.Id, command.TargetStreamId, [.. command.EventTypes], command.TargetStreamVersion, now));
    }

    public static Decision Close(ChangeRequest request, CloseChangeRequest command, DateTimeOffset now) =>
        request.IsOpen
            ? Decision.Accept(new ChangeRequestClosed(request.Id, command.ClosedBy, command.Outcome, now))
            : Refuse(RequestNotOpen);

    public static Decision Expire(ChangeRequest request, ExpireChangeRequest command, DateTimeOffset now)
    {
        if (!request.IsOpen) return Refuse(RequestNotOpen);
        if (now < request.ExpiresAt) return Refuse(RequestNotYetExpired);
        return Decision.Accept(new ChangeRequestExpired(request.Id, now));
    }

    /// <summary>Approved or rejected once, while open and unexpired, and never by the opener.</summary>
    private static Decision? CheckDecidable(ChangeRequest request, Guid deciderId, DateTimeOffset now)
    {
        if (request.Status is ChangeRequestStatus.Approved or ChangeRequestStatus.Rejected)
            return Refuse(RequestAlreadyDecided);
        if (!request.IsOpen) return Refuse(RequestNotOpen);
        if (now >= request.ExpiresAt) return Refuse(RequestExpired);
        if (deciderId == request.OpenedBy) return Refuse(RequestSelfApproval);
        return null;
    }
}
