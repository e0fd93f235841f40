using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>
/// Marten folds each aggregate by its own conventions (static Create, Apply per event); the domain folds it
/// with the *History helpers. Both must agree at every version, not only the last, so an Apply that Marten
/// fails to find cannot hide behind a later event that happens to set the same state.
/// </summary>
[Collection(SharedEventStore.Name)]
public sealed class every_aggregate_rebuilds_from_its_stream(EventStoreFixture fixture)
{
    private readonly Scenario _scenario = new();

    [Fact]
    public Task an_activated_order_rebuilds_at_every_version() => AssertRebuilds(_scenario.Activated, OrderHistory.Rebuild);

    [Fact]
    public Task a_cancelled_and_refunded_order_rebuilds_at_every_version() => AssertRebuilds(_scenario.Cancelled, OrderHistory.Rebuild);

    [Fact]
    public Task an_erased_account_rebuilds_at_every_version() => AssertRebuilds(_scenario.Account, AccountHistory.Rebuild);

    [Fact]
    public async Task change_requests_rebuild_at_every_version()
    {
        await AssertRebuilds(_scenario.UsedRequest, ChangeRequestHistory.Rebuild);
        await AssertRebuilds(_scenario.RejectedRequest, ChangeRequestHistory.Rebuild);
        await AssertRebuilds(_scenario.ExpiredRequest, ChangeRequestHistory.Rebuild);
    }

    [Fact]
    public Task an_offboarded_employee_rebuilds_at_every_version() => AssertRebuilds(_scenario.Employee, EmployeeHistory.Rebuild);

    [Fact]
    public Task recorded_personal_data_reads_rebuild_at_every_version() =>
        AssertRebuilds(_scenario.PersonalDataReads, events => events.Aggregate((PersonalDataReads?)null, PersonalDataReads.Evolve)!);

    private async Task AssertRebuilds<T>(Story<T> story, Func<IEnumerable<object>, T> rebuild)
        where T : class
    {
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream<T>(story.StreamId, [.. story.Events]);
            await session.SaveChangesAsync();
        }

        await using var query = fixture.Store.QuerySession();
        for (var version = 1; version <= story.Events.Count; version++)
        {
            var expected = rebuild(story.Events.Take(version));
            var fromMarten = await query.Events.AggregateStreamAsync<T>(story.StreamId, version: version);
            Assert.Equal(expected, fromMarten);
        }

        Assert.Equal(story.State, await query.Events.AggregateStreamAsync<T>(story.StreamId));
    }
}
