using JasperFx.Events;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.ChangeRequests;

public sealed class ChangeRequestViewWriter : IReadModelWriter
{
    public async Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation)
    {
        if (stored.Data is ChangeRequestOpened opened)
        {
            db.ChangeRequests.Add(new ChangeRequestView
            {
                RequestId = opened.RequestId,
                TargetStreamId = opened.TargetStreamId,
                Categories = string.Join(",", opened.Categories),
                Status = nameof(ChangeRequestStatus.Open),
                OpenedBy = opened.OpenedBy,
                Reason = opened.Reason,
                CustomerContactReference = opened.CustomerContactReference,
                OpenedAt = stored.Timestamp,
                Position = stored.Sequence,
                ExpiresAt = opened.ExpiresAt,
                Version = stored.Version,
                UpdatedAt = stored.Timestamp,
            });
            return;
        }

        if (!IsChangeRequestEvent(stored.Data.GetType())) return;
        var request = await db.ChangeRequests.FindAsync([stored.StreamId], cancellation)
                      ?? throw new InvalidOperationException($"Change request {stored.StreamId} has no row.");
        switch (stored.Data)
        {
            case ChangeRequestApproved approved:
                (request.Status, request.DecidedBy, request.DecidedAt) = (nameof(ChangeRequestStatus.Approved), approved.ApprovedBy, stored.Timestamp);
                break;
            case ChangeRequestRejected rejected:
                (request.Status, request.DecidedBy, request.DecidedAt) = (nameof(ChangeRequestStatus.Rejected), rejected.RejectedBy, stored.Timestamp);
                break;
            case ChangeRequestChangesApplied:
                request.AppliedChanges++;
                break;
            case ChangeRequestClosed:
                request.Status = nameof(ChangeRequestStatus.Closed);
                break;
            case ChangeRequestExpired:
                request.Status = nameof(ChangeRequestStatus.Expired);
                break;
        }

        request.Version = stored.Version;
        request.UpdatedAt = stored.Timestamp;
    }

    /// <summary>Whether events of this type belong to a change request stream, by their cataloged name.</summary>
    internal static bool IsChangeRequestEvent(Type eventType) => EventCatalog.StreamKindOf(eventType) == "change_request";
}
