using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Compliance.History;

/// <summary>A state as it was: the aggregate folded from the stream's events up to <see cref="Version"/>, which
/// happened at <see cref="Timestamp"/>.</summary>
public sealed record StateAsOf<TState>(TState State, long Version, DateTimeOffset Timestamp);

/// <summary>A bounded list: at most the limit asked for, and whether more were left out.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool Truncated);

/// <summary>
/// Compliance's questions about the past, answered from the event store itself (not from read models, which only
/// know the present): a stream's events, an order or account as of a version or a moment, everything one employee
/// did in a period, everything done under one change request.
/// </summary>
public sealed class ComplianceHistory(EventRows rows, IDocumentStore store)
{
    public const int MaxPageSize = 1000;

    public Task<Page<EventView>> StreamAsync(Guid streamId, CancellationToken cancellation = default) =>
        PageAsync(rows.StreamAsync(streamId, cancellation), int.MaxValue, cancellation);

    public Task<Page<EventView>> ActionsOfAsync(
        Guid actorId, DateTimeOffset from, DateTimeOffset to, int limit = MaxPageSize, CancellationToken cancellation = default) =>
        PageAsync(rows.ByActorAsync(actorId, from, to, cancellation), limit, cancellation);

    public Task<Page<EventView>> UnderChangeRequestAsync(Guid changeRequestId, int limit = MaxPageSize, CancellationToken cancellation = default) =>
        PageAsync(rows.ByChangeRequestAsync(changeRequestId, cancellation), limit, cancellation);

    /// <summary>Every recorded employee read of one customer's personal data (<see cref="PersonalDataViewed"/>).</summary>
    public Task<Page<EventView>> PersonalDataReadsAsync(Guid customerId, CancellationToken cancellation = default) =>
        StreamAsync(PersonalDataAccess.StreamIdOf(customerId), cancellation);

    public Task<StateAsOf<Order>?> OrderAsOfAsync(Guid orderId, long? version, DateTimeOffset? at, CancellationToken cancellation = default) =>
        AsOfAsync(orderId, version, at, OrderHistory.Rebuild, cancellation);

    public Task<StateAsOf<Account>?> AccountAsOfAsync(Guid accountId, long? version, DateTimeOffset? at, CancellationToken cancellation = default) =>
        AsOfAsync(accountId, version, at, AccountHistory.Rebuild, cancellation);

    /// <summary>Folds with the domain's own history functions: Marten's conventional aggregation would need its
    /// source generator in the domain assembly, which by design references no Marten. Null when nothing existed yet.</summary>
    private async Task<StateAsOf<TState>?> AsOfAsync<TState>(
        Guid streamId, long? version, DateTimeOffset? at, Func<IEnumerable<object>, TState> rebuild, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, version ?? 0, at, token: cancellation);
        if (events.Count == 0) return null;
        return new StateAsOf<TState>(rebuild(events.Select(e => e.Data)), events[^1].Version, events[^1].Timestamp);
    }

    private static async Task<Page<EventView>> PageAsync(IAsyncEnumerable<RecordedEvent> source, int limit, CancellationToken cancellation)
    {
        var items = new List<EventView>();
        await foreach (var e in source.WithCancellation(cancellation))
        {
            if (items.Count == limit) return new Page<EventView>(items, Truncated: true);
            items.Add(EventView.From(e));
        }

        return new Page<EventView>(items, Truncated: false);
    }
}
