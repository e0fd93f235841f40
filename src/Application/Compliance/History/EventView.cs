using System.Globalization;
using System.Text.Json;
using SolarEvents.Application.Compliance.Chain;

namespace SolarEvents.Application.Compliance.History;

/// <summary>One event as a person reads it: what happened, to which stream, who did it in which role, under which
/// change request, tied to which request (correlation) and command (causation), when, and its chain hash.</summary>
public sealed record EventView(
    Guid StreamId,
    long Version,
    long Sequence,
    Guid EventId,
    string Type,
    DateTimeOffset Timestamp,
    string? ActorId,
    string? ActorRole,
    string? ChangeRequestId,
    string? CorrelationId,
    string? CausationId,
    string Hash,
    JsonElement Data)
{
    public static EventView From(RecordedEvent e)
    {
        using var headers = JsonDocument.Parse(e.Headers);
        using var data = JsonDocument.Parse(e.Data);
        return new EventView(
            e.StreamId, e.Version, e.Sequence, e.EventId, e.Type,
            DateTimeOffset.Parse(e.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            NullIfEmpty(e.ActorId),
            Header(headers.RootElement, ActorMetadataMiddleware.ActorRoleHeader),
            Header(headers.RootElement, ActorMetadataMiddleware.ChangeRequestHeader) ?? ChangeRequestInData(data.RootElement),
            NullIfEmpty(e.CorrelationId),
            NullIfEmpty(e.CausationId),
            e.Hash,
            data.RootElement.Clone());
    }

    private static string? Header(JsonElement headers, string name) =>
        headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? ChangeRequestInData(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(nameof(Domain.Orders.PriceAdjusted.ChangeRequestId), out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
