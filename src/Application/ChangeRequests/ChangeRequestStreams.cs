using Marten;
using JasperFx.Events;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests;

public static class ChangeRequestStreams
{
    /// <summary>Loads a request for writing: at the caller's expected version when given (If-Match), otherwise at
    /// the version read, so a concurrent change to the request fails the commit instead of being overwritten.</summary>
    public static async Task<IEventStream<ChangeRequest>> FetchAsync(
        IDocumentSession session, Guid requestId, long? expectedVersion, CancellationToken cancellation)
    {
        if (expectedVersion is null && await session.Events.FetchStreamStateAsync(requestId, cancellation) is null)
            throw SupportRules.Violation(SupportRules.RequestUnknown);
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<ChangeRequest>(requestId, version, cancellation)
            : await session.Events.FetchForWriting<ChangeRequest>(requestId, cancellation);
        return stream.Aggregate is null ? throw SupportRules.Violation(SupportRules.RequestUnknown) : stream;
    }
}
