
namespace SolarEvents.Api.Queries;

/// <summary>
/// Lets a client that just changed a stream read it back no older than its change: with <c>minVersion</c>,
/// a query waits (bounded) for the read model to reach that version, and otherwise says how far it got.
/// </summary>
public static class ReadYourWrites
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Runs <paramref name="read"/> until it returns a row at or past <paramref name="minVersion"/>.
    /// Without a minimum version it reads once. Throws <see cref="ReadModelBehindException"/> past the wait.</summary>
    public static async Task<T?> ReadAsync<T>(long? minVersion, Func<Task<T?>> read, Func<T, long> version, TimeProvider clock,
        CancellationToken cancellation)
        where T : class
    {
        var row = await read();
        if (minVersion is null) return row;
        var deadline = clock.GetUtcNow() + MaxWait;
        while (row is null || version(row) < minVersion)
        {
            if (clock.GetUtcNow() >= deadline) throw new ReadModelBehindException(row is null ? null : version(row));
            await Task.Delay(PollInterval, clock, cancellation);
            row = await read();
        }

        return row;
    }
}

/// <summary>The read model has not yet reached the version the client asked for.</summary>
public sealed class ReadModelBehindException(long? currentVersion) : Exception("The read model is behind.")
{
    public long? CurrentVersion { get; } = currentVersion;
}
