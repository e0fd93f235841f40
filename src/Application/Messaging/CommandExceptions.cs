namespace SolarEvents.Application.Messaging;

/// <summary>The caller may not issue this command (or the command has no policy: deny by default).</summary>
public sealed class CommandForbiddenException(string commandName)
    : Exception($"The caller may not issue {commandName}.");

/// <summary>The caller is not authenticated.</summary>
public sealed class CommandUnauthenticatedException() : Exception("The caller is not authenticated.");

/// <summary>The command's shape is invalid; <see cref="Errors"/> maps field names to messages.</summary>
public sealed class CommandValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The command is invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The stream changed since the caller read it (optimistic concurrency lost).</summary>
public sealed class StreamVersionConflictException(Guid streamId, long? currentVersion, Exception? inner = null)
    : Exception("The resource was changed by someone else.", inner)
{
    public Guid StreamId { get; } = streamId;

    public long? CurrentVersion { get; } = currentVersion;
}

/// <summary>The command names a stream that does not exist (or that the caller may not know of).</summary>
public sealed class StreamNotFoundException(Guid streamId) : Exception("The resource does not exist.")
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>A state-changing request came without an <c>Idempotency-Key</c> where its route requires one.</summary>
public sealed class IdempotencyKeyMissingException() : Exception("An Idempotency-Key header is required.");

/// <summary>The key was used before by this caller for a different request.</summary>
public sealed class IdempotencyKeyReusedException() : Exception("The Idempotency-Key was used for a different request.");
