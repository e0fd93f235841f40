using SolarEvents.Application.Compliance.History;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class history_answers_compliance_questions : IAsyncLifetime
{
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private ComplianceHistory History => new(_rig.Rows, _rig.Store);

    [Fact]
    public async Task the_state_as_of_each_version_and_each_moment_equals_the_fold_of_the_events_up_to_it()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        var agent = Guid.CreateVersion7();
        await _rig.AppendAsync(orderId, agent, "SupportAgent", Guid.CreateVersion7(), order =>
            Order.AdjustPrice(order, new AdjustPrice(orderId, new Money(-200m, "EUR"), "goodwill", null), DateTimeOffset.UtcNow));
        await using var session = _rig.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(orderId);

        for (var version = 1; version <= events.Count; version++)
        {
            var expected = OrderHistory.Rebuild(events.Take(version).Select(e => e.Data));
            var byVersion = await History.OrderAsOfAsync(orderId, version, null);
            var byMoment = await History.OrderAsOfAsync(orderId, null, events[version - 1].Timestamp);

            Assert.Equal(expected, byVersion?.State);
            Assert.Equal(version, byVersion?.Version);
            Assert.Equal(expected, byMoment?.State);
            Assert.Equal(version, byMoment?.Version);
        }

        Assert.Null(await History.OrderAsOfAsync(orderId, null, events[0].Timestamp.AddTicks(-10)));
        Assert.Equal(8234.50m - 200m, (await History.OrderAsOfAsync(orderId, null, null))?.State.Total);
    }

    [Fact]
    public async Task who_did_what_lists_exactly_one_employees_actions_in_the_period_in_order()
    {
        var agent = Guid.CreateVersion7();
        var first = await _rig.OrderWithIssuedQuoteAsync();
        var second = await _rig.OrderWithIssuedQuoteAsync();
        var before = DateTimeOffset.UtcNow;
        await _rig.AppendAsync(first, agent, "SupportAgent", null, order =>
            Order.AdjustPrice(order, new AdjustPrice(first, new Money(50m, "EUR"), "scaffolding", null), DateTimeOffset.UtcNow));
        await _rig.AppendAsync(second, agent, "SupportAgent", null, order => Order.ChangeSystemConfiguration(order,
            new ChangeSystemConfiguration(second, order.System with { PanelCount = 18 }, "roof allows more", null), DateTimeOffset.UtcNow));
        await _rig.OrderWithIssuedQuoteAsync();

        var actions = await History.ActionsOfAsync(agent, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var none = await History.ActionsOfAsync(agent, before.AddDays(-2), before.AddDays(-1));

        Assert.Equal([(first, 5L, "order.price_adjusted.v1"), (second, 5L, "order.system_configuration_changed.v1")],
            actions.Items.Select(a => (a.StreamId, a.Version, a.Type)));
        Assert.All(actions.Items, a => Assert.Equal(("SupportAgent", agent.ToString()), (a.ActorRole, a.ActorId)));
        Assert.Empty(none.Items);
        Assert.True((await History.ActionsOfAsync(agent, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1), limit: 1)).Truncated);
    }

    [Fact]
    public async Task amendments_under_a_change_request_are_found_by_metadata_and_by_the_event()
    {
        var request = Guid.CreateVersion7();
        var agent = Guid.CreateVersion7();
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        await _rig.AppendAsync(orderId, agent, "SupportAgent", request, order =>
            Order.AdjustPrice(order, new AdjustPrice(orderId, new Money(-100m, "EUR"), "complaint", request), DateTimeOffset.UtcNow));
        await _rig.AppendAsync(orderId, agent, "SupportAgent", request, order => Order.ChangeSystemConfiguration(order,
            new ChangeSystemConfiguration(orderId, order.System with { WithBattery = true }, "battery added", null), DateTimeOffset.UtcNow));
        await _rig.AppendAsync(orderId, agent, "SupportAgent", Guid.CreateVersion7(), order =>
            Order.AdjustPrice(order, new AdjustPrice(orderId, new Money(10m, "EUR"), "other request", null), DateTimeOffset.UtcNow));

        var amendments = await History.UnderChangeRequestAsync(request);

        Assert.Equal([5L, 6L], amendments.Items.Select(a => a.Version));
        Assert.All(amendments.Items, a => Assert.Equal(request.ToString(), a.ChangeRequestId));
    }

    [Fact]
    public async Task a_streams_events_carry_their_metadata_for_a_reader()
    {
        var customer = Guid.CreateVersion7();
        var orderId = await _rig.OrderWithIssuedQuoteAsync(customer);

        var events = (await History.StreamAsync(orderId)).Items;

        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Version));
        var requested = events[0];
        Assert.Equal(("order.quote_requested.v1", customer.ToString(), "Customer"), (requested.Type, requested.ActorId, requested.ActorRole));
        Assert.StartsWith("corr-", requested.CorrelationId, StringComparison.Ordinal);
        Assert.NotNull(requested.CausationId);
        Assert.Equal("Berlin", requested.Data.GetProperty("Site").GetProperty("City").GetString());
        Assert.Equal(TimeSpan.Zero, requested.Timestamp.Offset);
    }
}
