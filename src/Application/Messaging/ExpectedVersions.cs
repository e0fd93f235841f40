using System.Globalization;

namespace SolarEvents.Application.Messaging;

/// <summary>The caller's <c>If-Match</c>, carried with the command to the one write step: the version of the stream
/// the request addressed, so any command that changes an existing stream can be made conditional.</summary>
internal static class ExpectedVersions
{
    private const string StreamHeader = "expected_stream";
    private const string VersionHeader = "expected_version";

    public static DeliveryOptions WithExpectedVersion(this DeliveryOptions options, Guid stream, long version) =>
        options.WithHeader(StreamHeader, stream.ToString()).WithHeader(VersionHeader, version.ToString(CultureInfo.InvariantCulture));

    /// <summary>The expected version when the caller named <paramref name="stream"/>; null otherwise.</summary>
    public static long? Of(Envelope envelope, Guid stream) =>
        envelope.Headers.TryGetValue(StreamHeader, out var named) && named == stream.ToString()
        && envelope.Headers.TryGetValue(VersionHeader, out var version) && long.TryParse(version, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
}
