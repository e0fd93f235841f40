using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class failed_commits_leave_the_chain_intact : IAsyncLifetime
{
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>A commit that fails after its events drew sequence numbers (here: a twin retry's idempotency record
    /// already exists) makes Marten fill those numbers with empty tombstone rows, in the background. The store
    /// still verifies, and the tombstones count as no event of the trail.</summary>
    [Fact]
    public async Task the_store_verifies_after_marten_filled_a_failed_commits_sequence_numbers_with_tombstones()
    {
        var order = await _rig.OrderWithIssuedQuoteAsync();
        var recordId = "twin-" + Guid.NewGuid();
        await using (var first = _rig.Store.LightweightSession())
        {
            first.Insert(new IdempotencyRecord(recordId, "fingerprint", "{}", DateTimeOffset.UtcNow));
            await first.SaveChangesAsync();
        }

        await using (var twin = _rig.Store.LightweightSession())
        {
            twin.Events.Append(order, new PaymentRecorded(order, new(100m, "EUR"), PaymentKind.Other, "pay-1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
            twin.Insert(new IdempotencyRecord(recordId, "fingerprint", "{}", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => twin.SaveChangesAsync());
        }

        Assert.True(await TombstoneWrittenAsync(), "Marten wrote no tombstone, so this test shows nothing.");
        var report = await _rig.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(4, report.Events);
    }

    /// <summary>Marten writes tombstones off the failed save's path: wait (bounded) until one is there.</summary>
    private async Task<bool> TombstoneWrittenAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var command = _rig.DataSource.CreateCommand("select count(*) from solarevents.mt_events where type = 'tombstone'");
            if ((long)(await command.ExecuteScalarAsync())! > 0) return true;
            await Task.Delay(50);
        }

        return false;
    }
}
