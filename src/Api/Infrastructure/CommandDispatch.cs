using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Api.Infrastructure;

/// <summary>Route metadata: the command a route dispatches (for an amendment, also the kind of change), so a test can
/// hold the route's policy against the command's rule.</summary>
public sealed record DispatchesCommand(Type CommandType, Type? ChangeType = null);

/// <summary>Route metadata: a POST here must carry an <c>Idempotency-Key</c> (elsewhere it is honoured when sent).</summary>
public sealed record IdempotencyKeyRequired;

/// <summary>Route metadata: a POST here changes an existing stream and must say which version it read (<c>If-Match</c>).</summary>
public sealed record IfMatchRequired;

/// <summary>An amendment came without the <c>If-Match</c> version it was based on.</summary>
public sealed class PreconditionRequiredException() : Exception("An If-Match header with the expected version is required.");

/// <summary>
/// How an endpoint hands a command to the pipeline (<see cref="CommandSender"/>): the HTTP parts only. It passes the
/// <c>Idempotency-Key</c> with what identifies the request (method, path, <c>If-Match</c>, body) and the
/// <c>If-Match</c> version of the stream the route addresses, and answers a
/// replay with <c>Idempotent-Replayed: true</c> and a changed stream's version as the <c>ETag</c>.
/// </summary>
public static partial class CommandDispatch
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <param name="http">The request.</param>
    /// <param name="command">The command the request asks for.</param>
    /// <param name="stream">The stream the command changes or starts.</param>
    /// <param name="body">The request body as bound (null for routes without one).</param>
    /// <param name="cancellation">Cancels the request.</param>
    public static async Task<T> SendAsync<T>(HttpContext http, object command, Guid stream, object? body, CancellationToken cancellation)
    {
        var sender = http.RequestServices.GetRequiredService<CommandSender>();
        var expected = http.GetEndpoint()?.Metadata.GetMetadata<IfMatchRequired>() is null ? ExpectedVersion(http) : RequiredVersion(http);
        var sent = await sender.SendAsync<T>(command, stream, expected, KeyOf(http, body), cancellation);
        if (sent.Replayed) http.Response.Headers[ReplayedHeader] = "true";
        if (sent.Result is StreamChanged changed) http.Response.Headers.ETag = $"\"{changed.Version}\"";
        return sent.Result;
    }

    /// <summary>The caller's key and request, or null when no key came and the route does not require one.</summary>
    public static IdempotencyKey? KeyOf(HttpContext http, object? body)
    {
        var key = http.Request.Headers[KeyHeader].ToString();
        if (key.Length == 0 && http.GetEndpoint()?.Metadata.GetMetadata<IdempotencyKeyRequired>() is null) return null;
        if (!SafeKey().IsMatch(key)) throw new IdempotencyKeyMissingException();
        var shape = body is null ? "" : JsonSerializer.Serialize(body, body.GetType());
        return new IdempotencyKey(key, string.Join('\n', http.Request.Method, http.Request.Path.Value, http.Request.Headers.IfMatch.ToString(), shape));
    }

    /// <summary>The expected version from <c>If-Match</c> (<c>"7"</c>, <c>W/"7"</c> or <c>7</c>).</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0) return null;
        var value = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        return long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new CommandValidationException(new Dictionary<string, string[]> { ["If-Match"] = ["Send the version you read, e.g. \"3\"."] });
    }

    public static long RequiredVersion(HttpContext http) => ExpectedVersion(http) ?? throw new PreconditionRequiredException();

    /// <summary>The route needs the capability (a policy of the access table, <see cref="Access"/>).</summary>
    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Access.PolicyName(capability));

    public static RouteHandlerBuilder Dispatches(this RouteHandlerBuilder builder, Type command, Type? change = null) =>
        builder.WithMetadata(new DispatchesCommand(command, change));

    public static TBuilder RequiresIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IfMatchRequired());

    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyRequired());

    /// <summary>The caller, from the token; endpoints behind a policy always have one.</summary>
    public static Actor Caller(this HttpContext http) => Actor.From(http.User) ?? throw new CommandUnauthenticatedException();

    // Clients send a UUID or similar token; nothing that could forge a log line or carry data.
    [GeneratedRegex("^[A-Za-z0-9._:-]{8,100}$")]
    private static partial Regex SafeKey();
}
