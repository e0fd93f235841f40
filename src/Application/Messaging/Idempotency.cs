using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Wolverine;

namespace SolarEvents.Application.Messaging;

/// <summary>
/// The first successful answer to a command sent with an <c>Idempotency-Key</c>. Stored as a Marten document in
/// the same transaction as the command's events, so either both exist or neither does; a second insert under the
/// same id fails the whole transaction, which is what makes two racing retries append only once.
/// </summary>
public sealed record IdempotencyRecord(string Id, string Fingerprint, string Result, DateTimeOffset RecordedAt);

/// <summary>How the API hands a key to the handler (envelope headers) and how the handler keeps the answer.</summary>
public static class Idempotency
{
    public const string RecordIdHeader = "idempotency_record_id";
    public const string FingerprintHeader = "idempotency_fingerprint";

    /// <summary>Keys are scoped to the caller, so one agent's key never replays another's answer.</summary>
    public static string RecordId(Guid actorId, string key) => Hash($"{actorId:N}\n{key}");

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static DeliveryOptions Headers(string recordId, string fingerprint) =>
        new DeliveryOptions().WithHeader(RecordIdHeader, recordId).WithHeader(FingerprintHeader, fingerprint);

    /// <summary>Called by a handler with its answer: stores it when the command came with a key.</summary>
    public static T Remember<T>(this IDocumentSession session, Envelope envelope, T result, DateTimeOffset now)
    {
        if (envelope.Headers.TryGetValue(RecordIdHeader, out var id) && id is { Length: > 0 }
            && envelope.Headers.TryGetValue(FingerprintHeader, out var fingerprint) && fingerprint is { Length: > 0 })
        {
            session.Insert(new IdempotencyRecord(id, fingerprint, JsonSerializer.Serialize(result), now));
        }

        return result;
    }

    public static T Replay<T>(IdempotencyRecord record) =>
        JsonSerializer.Deserialize<T>(record.Result) ?? throw new InvalidOperationException("An empty idempotency record.");
}
