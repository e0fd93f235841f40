namespace SolarEvents.Application.Messaging;

/// <summary>The answer to a command that changed a stream: which stream, and the version it now has
/// (clients send it back as <c>If-Match</c> or <c>minVersion</c>).</summary>
public sealed record StreamChanged(Guid StreamId, long Version);
