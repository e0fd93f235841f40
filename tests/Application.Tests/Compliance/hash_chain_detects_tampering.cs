namespace SolarEvents.Application.Tests.Compliance;

public sealed class hash_chain_detects_tampering : IAsyncLifetime
{
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task every_appended_event_is_chained_and_an_untouched_store_verifies()
    {
        var first = await _rig.OrderWithIssuedQuoteAsync();
        var second = await _rig.OrderWithIssuedQuoteAsync();

        var report = await _rig.VerifyAsync();

        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(2, report.Streams);
        Assert.Equal(8, report.Events);
        var events = await _rig.Rows.StreamAsync(first).ToListAsync();
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(4, events.Select(e => e.Hash).Distinct().Count());
        Assert.NotEqual(events[0].Hash, (await _rig.Rows.StreamAsync(second).FirstAsync()).Hash);
    }

    [Fact]
    public async Task changing_one_byte_of_an_events_data_names_the_stream_and_version()
    {
        var untouched = await _rig.OrderWithIssuedQuoteAsync();
        var orderId = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync(
            "update solarevents.mt_events set data = replace(data::text, '7000', '1000')::jsonb where stream_id = $1 and version = 4",
            orderId);

        var broken = Assert.Single((await _rig.VerifyAsync()).Breaks);
        Assert.Equal((orderId, 4L), (broken.StreamId, broken.Version));
        Assert.DoesNotContain((await _rig.VerifyAsync()).Breaks, b => b.StreamId == untouched);
    }

    [Fact]
    public async Task changing_the_actor_or_the_timestamp_is_detected_too()
    {
        var byActor = await _rig.OrderWithIssuedQuoteAsync();
        var byTime = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync("update solarevents.mt_events set user_name = $2 where stream_id = $1 and version = 2",
            byActor, Guid.CreateVersion7().ToString());
        await _rig.TamperAsync(
            "update solarevents.mt_events set \"timestamp\" = \"timestamp\" - interval '1 microsecond' where stream_id = $1 and version = 3", byTime);

        var breaks = (await _rig.VerifyAsync()).Breaks;
        Assert.Contains(breaks, b => b.StreamId == byActor && b.Version == 2);
        Assert.Contains(breaks, b => b.StreamId == byTime && b.Version == 3);
    }

    [Fact]
    public async Task deleting_an_event_names_the_missing_version()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync("delete from solarevents.mt_events where stream_id = $1 and version = 2", orderId);

        var broken = Assert.Single((await _rig.VerifyAsync()).Breaks);
        Assert.Equal((orderId, 2L), (broken.StreamId, broken.Version));
        Assert.Contains("missing", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task deleting_a_streams_newest_event_shows_against_the_stream_version()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync("delete from solarevents.mt_events where stream_id = $1 and version = 4", orderId);

        var broken = Assert.Single((await _rig.VerifyAsync()).Breaks);
        Assert.Equal((orderId, 4L), (broken.StreamId, broken.Version));
    }

    [Fact]
    public async Task swapping_two_events_names_the_first_swapped_version()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync("update solarevents.mt_events set version = -version where stream_id = $1 and version in (2, 3)", orderId);
        await _rig.TamperAsync(
            "update solarevents.mt_events set version = case version when -2 then 3 else 2 end where stream_id = $1 and version < 0", orderId);

        var broken = Assert.Single((await _rig.VerifyAsync()).Breaks);
        Assert.Equal((orderId, 2L), (broken.StreamId, broken.Version));
    }

    [Fact]
    public async Task swapping_the_data_of_two_events_is_detected()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();

        await _rig.TamperAsync("""
            update solarevents.mt_events e set data = o.data, type = o.type
            from solarevents.mt_events o
            where e.stream_id = $1 and o.stream_id = $1 and e.version in (2, 3) and o.version = 5 - e.version
            """, orderId);

        var broken = Assert.Single((await _rig.VerifyAsync()).Breaks);
        Assert.Equal((orderId, 2L), (broken.StreamId, broken.Version));
    }
}
