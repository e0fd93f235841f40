namespace SolarEvents.Application.Compliance.Chain;

/// <summary>Verifies every chain in the event store, and that no stream lost its newest events.</summary>
public sealed class StoreVerification(EventRows rows)
{
    public async Task<ChainReport> VerifyAsync(CancellationToken cancellation = default)
    {
        var verifier = new ChainVerifier();
        await foreach (var e in rows.AllAsync(cancellation)) verifier.Add(e);
        foreach (var (streamId, version) in await rows.StreamVersionsAsync(cancellation)) verifier.ExpectStreamVersion(streamId, version);
        return verifier.Report();
    }
}
