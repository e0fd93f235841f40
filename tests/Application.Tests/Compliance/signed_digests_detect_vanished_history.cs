using System.Security.Cryptography;
using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class signed_digests_detect_vanished_history : IAsyncLifetime
{
    private readonly ECDsa _key = DigestKeys.NewKey();
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        _key.Dispose();
    }

    private DigestStore Digests => new(_rig.DataSource, TimeProvider.System);

    [Fact]
    public async Task a_digest_of_an_untouched_store_checks_out_and_later_appends_do_not_disturb_it()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        await _rig.OrderWithIssuedQuoteAsync();
        var digest = await Digests.CreateAsync(_key);
        await _rig.OrderWithIssuedQuoteAsync();

        var latest = await Digests.LatestAsync();

        Assert.NotNull(latest);
        Assert.Equal(digest.Id, latest.Id);
        Assert.Equal(2, latest.Digest.Statement.Streams);
        Assert.Contains(latest.Digest.Heads, h => h.StreamId == orderId && h.Version == 4);
        Assert.Empty(await Digests.CheckAsync(latest.Digest, _key));
    }

    [Fact]
    public async Task deleting_a_whole_stream_passes_the_chain_check_but_shows_against_an_earlier_digest()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        await _rig.OrderWithIssuedQuoteAsync();
        var digest = await Digests.CreateAsync(_key);

        await _rig.TamperAsync("delete from solarevents.mt_events where stream_id = $1", orderId);
        await _rig.TamperAsync("delete from solarevents.mt_streams where id = $1", orderId);

        Assert.True((await _rig.VerifyAsync()).IsIntact);
        var broken = Assert.Single(await Digests.CheckAsync(digest.Digest, _key));
        Assert.Equal((orderId, 4L), (broken.StreamId, broken.Version));
        Assert.Contains("stream is missing", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_stream_rewritten_with_recomputed_hashes_shows_against_an_earlier_digest()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        var digest = await Digests.CreateAsync(_key);

        // A tamperer with full access edits an event and recomputes the whole chain with the database's own function.
        await _rig.TamperAsync(
            "update solarevents.mt_events set data = replace(data::text, '7000', '1000')::jsonb where stream_id = $1 and version = 4", orderId);
        await _rig.TamperAsync("""
            do $$ declare e record; previous text := ''; begin
                for e in select * from solarevents.mt_events where stream_id = (select stream_id from solarevents.mt_events order by seq_id limit 1) order by version loop
                    previous := solarevents.compliance_event_hash(previous, e.id, e.stream_id, e.version, e.type, e."timestamp",
                        e.user_name, e.correlation_id, e.causation_id, e.headers, e.data, e.bdata);
                    update solarevents.mt_events set headers = headers || jsonb_build_object('hash', previous) where seq_id = e.seq_id;
                end loop;
            end $$
            """);

        Assert.True((await _rig.VerifyAsync()).IsIntact);
        var broken = Assert.Single(await Digests.CheckAsync(digest.Digest, _key));
        Assert.Equal((orderId, 4L), (broken.StreamId, broken.Version));
        Assert.Contains("rewritten", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_digest_under_another_key_or_with_edited_heads_is_refused()
    {
        await _rig.OrderWithIssuedQuoteAsync();
        var digest = (await Digests.CreateAsync(_key)).Digest;
        using var otherKey = DigestKeys.NewKey();

        Assert.Contains("key", digest.Problem(otherKey), StringComparison.Ordinal);
        var edited = digest with { Heads = [digest.Heads[0] with { Version = 3 }] };
        Assert.Equal("the stream heads do not match the signed root", edited.Problem(_key));
        Assert.Null(digest.Problem(DigestKeys.FromPem(DigestKeys.PublicKeyPem(_key))));
    }
}
