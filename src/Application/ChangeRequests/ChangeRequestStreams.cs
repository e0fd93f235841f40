using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests;

public static class ChangeRequestStreams
{
    /// <summary>
    /// Reads a request and the version it was read at, without registering it for writing yet: an amendment appends
    /// to the target first and records the change on the request after, so the request's trail lists the change
    /// after the event it names. The later append passes this version, so a concurrent change still conflicts.
    /// One query: the stream's events, folded here (every amendment pays this read).
    /// </summary>
    public static async Task<(ChangeRequest Request, long Version)> ReadAsync(
        IQuerySession session, Guid requestId, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(requestId, token: cancellation);
        if (events is not [{ Data: ChangeRequestOpened }, ..]) throw SupportRules.Violation(SupportRules.RequestUnknown);
        return (ChangeRequestHistory.Rebuild(events.Select(e => e.Data)), events[^1].Version);
    }
}
