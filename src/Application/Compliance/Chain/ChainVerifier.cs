namespace SolarEvents.Application.Compliance.Chain;

/// <summary>Where a stream's chain first breaks: the stream, the version, and what is wrong there.</summary>
public sealed record ChainBreak(Guid StreamId, long Version, string Problem);

/// <summary>The result of walking chains: how much was checked and the first break of each broken stream.</summary>
public sealed record ChainReport(int Streams, long Events, IReadOnlyList<ChainBreak> Breaks)
{
    public bool IsIntact => Breaks.Count == 0;
}

/// <summary>
/// Walks events ordered by stream and version, recomputing each hash from the recomputed hash before it (never
/// trusting a stored predecessor), and reports the first broken link per stream: a missing version, or a stored
/// hash that differs from the recomputed one (the event was edited or swapped, or its predecessor removed).
/// </summary>
public sealed class ChainVerifier
{
    private readonly List<ChainBreak> _breaks = [];
    private readonly Dictionary<Guid, (long Version, string Hash)> _heads = [];
    private Guid? _stream;
    private long _version;
    private string _expected = ChainHash.Genesis;
    private bool _broken;
    private long _events;

    /// <summary>The last verified event of each stream: its version and recomputed hash.</summary>
    public IReadOnlyDictionary<Guid, (long Version, string Hash)> Heads => _heads;

    public void Add(RecordedEvent e)
    {
        if (e.StreamId != _stream)
        {
            if (_heads.ContainsKey(e.StreamId) || _breaks.Any(b => b.StreamId == e.StreamId))
                throw new InvalidOperationException($"The events of stream {e.StreamId} must be contiguous and ordered by version.");
            _stream = e.StreamId;
            _version = 0;
            _expected = ChainHash.Genesis;
            _broken = false;
        }

        _events++;
        if (_broken) return;
        if (e.Version != _version + 1)
        {
            Break(e.StreamId, _version + 1, e.Version > _version + 1
                ? $"version {_version + 1} is missing (the next stored version is {e.Version})"
                : $"version {e.Version} appears again after version {_version}");
            return;
        }

        var recomputed = ChainHash.Compute(_expected, e);
        if (!string.Equals(recomputed, e.Hash, StringComparison.Ordinal))
        {
            Break(e.StreamId, e.Version, e.Hash.Length == 0
                ? "the event carries no hash"
                : "the stored hash does not match the event's content and its predecessor");
            return;
        }

        _version = e.Version;
        _expected = recomputed;
        _heads[e.StreamId] = (e.Version, recomputed);
    }

    /// <summary>Reports a stream whose recorded version (Marten's stream table) is beyond its last stored event,
    /// which is how deleting a stream's newest events shows.</summary>
    public void ExpectStreamVersion(Guid streamId, long recordedVersion)
    {
        if (_breaks.Any(b => b.StreamId == streamId)) return;
        var last = _heads.TryGetValue(streamId, out var head) ? head.Version : 0;
        if (recordedVersion > last)
        {
            _breaks.Add(new ChainBreak(streamId, last + 1,
                $"the stream records version {recordedVersion} but its events end at version {last}"));
        }
    }

    public ChainReport Report() =>
        new(_heads.Keys.Union(_breaks.Select(b => b.StreamId)).Count(), _events, _breaks.ToList());

    private void Break(Guid streamId, long version, string problem)
    {
        _broken = true;
        _breaks.Add(new ChainBreak(streamId, version, problem));
    }
}
