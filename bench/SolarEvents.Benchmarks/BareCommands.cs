using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

/// <summary>
/// The baseline's commands: the events the API's handlers append, decided by the same domain functions and
/// appended through a bare Marten session with the same metadata and the same optimistic-concurrency checks.
/// What it leaves out is what the API adds: HTTP, JWT and revocation check, rate limiter, command policy,
/// validation, Wolverine, idempotency records, the scheduled expiry of a request.
/// </summary>
public static class BareCommands
{
    public static IDocumentSession Session(Rig rig, Guid actorId, string role)
    {
        var session = rig.Store.LightweightSession();
        session.LastModifiedBy = actorId.ToString();
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, role);
        session.CorrelationId = Guid.NewGuid().ToString();
        session.CausationId = Guid.NewGuid().ToString();
        return session;
    }

    public static async Task RequestQuoteAsync(Rig rig, Guid customerId)
    {
        var orderId = Guid.CreateVersion7();
        await using var session = Session(rig, customerId, Roles.Customer);
        session.Events.StartStream<Order>(orderId, [.. OrderStreams.QuoteRequested(orderId, customerId, DateTimeOffset.UtcNow)]);
        await session.SaveChangesAsync();
    }

    public static async Task<Guid> OpenAsync(Rig rig, Guid agentId, Guid target, params ChangeCategory[] categories)
    {
        var requestId = Guid.CreateVersion7();
        await using var session = Session(rig, agentId, Roles.SupportAgent);
        var events = ChangeRequest.Open(new OpenChangeRequest(requestId, agentId, target, categories, StaffDesk.Reason, "TICKET-4711",
            TimeSpan.FromHours(48)), DateTimeOffset.UtcNow).ThrowIfRejected();
        session.Events.StartStream<ChangeRequest>(requestId, events);
        await session.SaveChangesAsync();
        return requestId;
    }

    /// <summary>An amendment as the API's <c>Amendment</c> makes it: read the request and authorize, fetch the order
    /// at the expected version, decide, append to the order and record the change on the request, one commit.
    /// Answers the order's new version; a lost race throws as Marten throws it.</summary>
    public static async Task<long> AmendAsync(Rig rig, Guid agentId, Guid orderId, long expectedVersion, Guid requestId,
        ChangeCategory category, Func<Order, DateTimeOffset, Decision> decide)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = Session(rig, agentId, Roles.SupportAgent);
        var (request, requestVersion) = await ChangeRequestStreams.ReadAsync(session, requestId, CancellationToken.None);
        ChangeRequest.Authorize(request, agentId, orderId, category, now).ThrowIfRejected();
        var order = await session.Events.FetchForWriting<Order>(orderId, expectedVersion);
        var events = decide(order.Aggregate!, now).ThrowIfRejected();
        session.SetHeader(ActorMetadataMiddleware.ChangeRequestHeader, requestId.ToString());
        order.AppendMany(events);
        var version = expectedVersion + events.Count;
        var recorded = ChangeRequest.RecordAppliedChanges(request,
            new RecordAppliedChanges(requestId, orderId, [.. events.Select(e => EventCatalog.NameOf(e.GetType()))], version), now).ThrowIfRejected();
        session.Events.Append(requestId, requestVersion + recorded.Count, [.. recorded]);
        await session.SaveChangesAsync();
        return version;
    }

    /// <summary>One decision on one stream, as the API's one write step makes it: fetch at the expected version, decide,
    /// append, commit. Answers the new version.</summary>
    public static async Task<long> DecideAsync(
        Rig rig, Guid actorId, string role, Guid orderId, long expectedVersion, Func<Order, DateTimeOffset, Decision> decide)
    {
        await using var session = Session(rig, actorId, role);
        var order = await session.Events.FetchForWriting<Order>(orderId, expectedVersion);
        var events = decide(order.Aggregate!, DateTimeOffset.UtcNow).ThrowIfRejected();
        order.AppendMany(events);
        await session.SaveChangesAsync();
        return expectedVersion + events.Count;
    }

    /// <summary>Orders of <paramref name="customerId"/> with a quote issued (version <see cref="OrderStreams.QuotedVersion"/>).</summary>
    public static async Task<List<(Guid OrderId, Guid QuoteId)>> SeedQuotedOrdersAsync(Rig rig, Guid customerId, int count)
    {
        var quoted = Enumerable.Range(0, count).Select(_ => (OrderId: Guid.CreateVersion7(), QuoteId: Guid.CreateVersion7())).ToList();
        await using var session = rig.Store.LightweightSession();
        session.LastModifiedBy = "bench-seed";
        foreach (var (orderId, quoteId) in quoted)
            session.Events.StartStream<Order>(orderId, [.. OrderStreams.QuotedOrder(orderId, customerId, quoteId, DateTimeOffset.UtcNow, 12_000m)]);
        await session.SaveChangesAsync();
        return quoted;
    }

    /// <summary>Orders ready for installation, one per id, appended in a few commits.</summary>
    public static async Task SeedReadyOrdersAsync(Rig rig, IEnumerable<Guid> orderIds)
    {
        foreach (var chunk in orderIds.Chunk(200))
        {
            await using var session = rig.Store.LightweightSession();
            session.LastModifiedBy = "bench-seed";
            foreach (var id in chunk) session.Events.StartStream<Order>(id, [.. OrderStreams.ReadyForInstallation(id, Guid.CreateVersion7(), DateTimeOffset.UtcNow)]);
            await session.SaveChangesAsync();
        }
    }
}
