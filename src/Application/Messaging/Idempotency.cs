using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SolarEvents.Application.Messaging;

/// <summary>
/// The first successful answer to a command sent with an <c>Idempotency-Key</c>. Stored as a Marten document in
/// the same transaction as the command's events (<see cref="CommandStreams.Answer{TResult}"/>), so either both exist
/// or neither does; a second insert under the same id fails the whole transaction, which is what makes two racing
/// twins append only once.
/// </summary>
public sealed class IdempotencyRecord(string id, string fingerprint, string result, DateTimeOffset recordedAt)
{
    public string Id { get; } = id;

    /// <summary>A hash of the request the key was first used for; the same key with another request is refused.</summary>
    public string Fingerprint { get; } = fingerprint;

    public string Result { get; set; } = result;

    public DateTimeOffset RecordedAt { get; } = recordedAt;
}

/// <summary>A caller's key and the request it came with, as the command pipeline sees them.</summary>
/// <param name="Key">The client's <c>Idempotency-Key</c>.</param>
/// <param name="Request">Everything that makes the request what it is (method, route, precondition, body):
/// only its hash is kept.</param>
public sealed record IdempotencyKey(string Key, string Request);

/// <summary>How the pipeline hands a key to the handler (envelope headers) and keeps the answer.</summary>
public static class Idempotency
{
    private const string RecordIdHeader = "idempotency_record_id";
    private const string FingerprintHeader = "idempotency_fingerprint";

    /// <summary>Keys are scoped to the caller, so one caller's key never replays another's answer.</summary>
    public static string RecordId(string callerScope, string key) => Hash($"{callerScope}\n{key}");

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static DeliveryOptions WithKey(this DeliveryOptions options, string recordId, string fingerprint) =>
        options.WithHeader(RecordIdHeader, recordId).WithHeader(FingerprintHeader, fingerprint);

    /// <summary>The record id and fingerprint the command came with, or null when it came without a key.</summary>
    internal static (string RecordId, string Fingerprint)? RecordIdOf(Envelope envelope) =>
        envelope.Headers.TryGetValue(RecordIdHeader, out var id) && id is { Length: > 0 }
        && envelope.Headers.TryGetValue(FingerprintHeader, out var fingerprint) && fingerprint is { Length: > 0 }
            ? (id, fingerprint)
            : null;

    internal static string Serialize<T>(T result) => JsonSerializer.Serialize(result);

    internal static T Replay<T>(IdempotencyRecord record) =>
        JsonSerializer.Deserialize<T>(record.Result) ?? throw new InvalidOperationException("An empty idempotency record.");
}
