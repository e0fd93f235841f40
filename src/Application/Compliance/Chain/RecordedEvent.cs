namespace SolarEvents.Application.Compliance.Chain;

/// <summary>
/// One stored event exactly as PostgreSQL renders the fields that its hash covers: <see cref="Headers"/> and
/// <see cref="Data"/> are jsonb's own text (keys ordered, spacing fixed), <see cref="Timestamp"/> is UTC to the
/// microsecond. Verifying from these strings needs no knowledge of how the application serialized anything.
/// </summary>
public sealed record RecordedEvent(
    long Sequence,
    Guid EventId,
    Guid StreamId,
    long Version,
    string Type,
    string Timestamp,
    string ActorId,
    string CorrelationId,
    string CausationId,
    string Headers,
    string Data,
    string BinaryData,
    string Hash);
