using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using Wolverine;

namespace SolarEvents.Api.Support;

/// <summary>A POST came without a usable <c>Idempotency-Key</c>.</summary>
public sealed class IdempotencyKeyMissingException() : Exception("An Idempotency-Key header is required.");

/// <summary>The key was used before by this caller for a different request.</summary>
public sealed class IdempotencyKeyReusedException() : Exception("The Idempotency-Key was used for a different request.");

/// <summary>An amendment came without the <c>If-Match</c> version it was based on.</summary>
public sealed class PreconditionRequiredException() : Exception("An If-Match header with the expected version is required.");

/// <summary>
/// Sends support commands the safe way to retry: every POST carries an <c>Idempotency-Key</c>. The first success is
/// stored with its events (<see cref="Idempotency"/>); a retry with the same key and body gets that answer again
/// and appends nothing; the same key with another body is a 422. A lost race (another request appended first, or
/// a twin retry stored the key first) is answered from the stored record if there is one, else as a 409 that
/// carries the stream's current version.
/// </summary>
public static partial class IdempotentCommands
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<StreamChanged> SendAsync(
        HttpContext http, object command, object body, Guid conflictStream, CancellationToken cancellation)
    {
        var key = http.Request.Headers[KeyHeader].ToString();
        if (!SafeKey().IsMatch(key)) throw new IdempotencyKeyMissingException();
        var actor = Actor.From(http.User) ?? throw new CommandUnauthenticatedException();
        var recordId = Idempotency.RecordId(actor.Id, key);
        var fingerprint = Idempotency.Hash(string.Join('\n',
            http.Request.Method, http.Request.Path.Value, http.Request.Headers.IfMatch.ToString(), JsonSerializer.Serialize(body, body.GetType())));
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();

        if (await ReplayAsync(http, store, recordId, fingerprint, cancellation) is { } earlier) return earlier;
        try
        {
            var bus = http.RequestServices.GetRequiredService<IMessageBus>();
            return WithETag(http, await bus.InvokeAsync<StreamChanged>(command, Idempotency.Headers(recordId, fingerprint), cancellation));
        }
        catch (Exception e) when (e.IsLostRace() || e is DomainRuleViolatedException)
        {
            // A twin with the same key may have committed while this attempt ran: it then either lost the race
            // or decided against state that already held the twin's change. Either way the first answer stands.
            if (await ReplayAsync(http, store, recordId, fingerprint, cancellation) is { } twin) return twin;
            if (!e.IsLostRace()) throw;
            await using var query = store.QuerySession();
            var state = await query.Events.FetchStreamStateAsync(conflictStream, cancellation);
            throw new StreamVersionConflictException(conflictStream, state?.Version, e);
        }
    }

    /// <summary>The expected version from <c>If-Match</c> (<c>"7"</c>, <c>W/"7"</c> or <c>7</c>).</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0) return null;
        var value = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        return long.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new CommandValidationException(new Dictionary<string, string[]> { ["If-Match"] = ["Send the version you read, e.g. \"3\"."] });
    }

    public static long RequiredVersion(HttpContext http) => ExpectedVersion(http) ?? throw new PreconditionRequiredException();

    private static async Task<StreamChanged?> ReplayAsync(
        HttpContext http, IDocumentStore store, string recordId, string fingerprint, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var record = await query.LoadAsync<IdempotencyRecord>(recordId, cancellation);
        if (record is null) return null;
        if (record.Fingerprint != fingerprint) throw new IdempotencyKeyReusedException();
        http.Response.Headers[ReplayedHeader] = "true";
        return WithETag(http, Idempotency.Replay<StreamChanged>(record));
    }

    private static StreamChanged WithETag(HttpContext http, StreamChanged changed)
    {
        http.Response.Headers.ETag = $"\"{changed.Version}\"";
        return changed;
    }


    // Clients send a UUID or similar token; nothing that could forge a log line or carry data.
    [GeneratedRegex("^[A-Za-z0-9._:-]{8,100}$")]
    private static partial Regex SafeKey();
}
