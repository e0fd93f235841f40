using JasperFx.Events;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class chaining_under_concurrent_appends : IAsyncLifetime
{
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>No global lock: appends to different streams run side by side; two appends racing for the same
    /// version of one stream both chain to the same predecessor and the unique (stream, version) index lets only one
    /// commit (the other gets a concurrency failure, the 409 path). The chain never forks.</summary>
    [Fact]
    public async Task parallel_appends_to_one_stream_and_to_many_streams_never_fork_a_chain()
    {
        var shared = await _rig.OrderWithIssuedQuoteAsync();
        var others = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _rig.OrderWithIssuedQuoteAsync()));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var streamId = i % 2 == 0 ? shared : others[i / 2];
            await using var session = _rig.Store.LightweightSession();
            session.LastModifiedBy = Guid.CreateVersion7().ToString();
            session.Events.Append(streamId, new PaymentRecorded(streamId, new(100m + i, "EUR"), PaymentKind.Other, $"pay-{i}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
            try
            {
                await session.SaveChangesAsync();
                return (streamId, Appended: true);
            }
            catch (EventStreamUnexpectedMaxEventIdException)
            {
                return (streamId, Appended: false);
            }
        }));

        var report = await _rig.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(9 * 4 + outcomes.Count(o => o.Appended), report.Events);
        Assert.All(outcomes.Where(o => o.streamId != shared), o => Assert.True(o.Appended));
        Assert.Equal(4 + outcomes.Count(o => o.streamId == shared && o.Appended), (await _rig.Rows.StreamAsync(shared).ToListAsync()).Count);
    }
}
