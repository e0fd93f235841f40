using JasperFx.Events;

namespace SolarEvents.Application.Messaging;

/// <summary>
/// The one way a command handler writes events. It loads a stream so that a concurrent write fails the commit instead
/// of being overwritten, and refuses a version the caller expects (their <c>If-Match</c>) that is not the current one;
/// runs the pure domain decision; appends its events (stamped with the actor by
/// <see cref="ActorMetadataMiddleware"/>); keeps the answer for the command's <c>Idempotency-Key</c>, if it came
/// with one, in the same commit; and returns the stream's new version, computed here and nowhere else.
/// Wolverine commits the session after the handler returns. Create one per command with <see cref="For"/>.
/// </summary>
public sealed class CommandStreams
{
    private readonly IDocumentSession session;
    private readonly Envelope envelope;
    private IdempotencyRecord? answer;

    private CommandStreams(IDocumentSession session, Envelope envelope, DateTimeOffset now)
    {
        this.session = session;
        this.envelope = envelope;
        Now = now;
    }

    /// <summary>The moment of the command: every decision and timestamp of it uses this one.</summary>
    public DateTimeOffset Now { get; }

    public static CommandStreams For(IDocumentSession session, Envelope envelope, TimeProvider clock) =>
        new(session, envelope, clock.GetUtcNow());

    public Task<StreamChanged> DecideAsync<TAggregate>(
        Guid streamId, long? expectedVersion, Func<TAggregate, Decision> decide, CancellationToken cancellation,
        Action<TAggregate>? see = null)
        where TAggregate : class =>
        DecideAsync<TAggregate>(streamId, expectedVersion, aggregate => ValueTask.FromResult(decide(aggregate)), cancellation, see);

    /// <summary>For a decision that needs a lookup first (a data key to seal new personal values with).
    /// A stream that does not exist, or that <paramref name="see"/> says the caller may not see (it throws
    /// <see cref="StreamNotFoundException"/>), is a 404 before its version is compared; a refusal throws the domain rule.</summary>
    public async Task<StreamChanged> DecideAsync<TAggregate>(
        Guid streamId, long? expectedVersion, Func<TAggregate, ValueTask<Decision>> decide, CancellationToken cancellation,
        Action<TAggregate>? see = null)
        where TAggregate : class
    {
        var expected = expectedVersion ?? ExpectedVersions.Of(envelope, streamId);
        var stream = await LoadAsync(streamId, expected, see, cancellation);
        var decision = await decide(stream.Aggregate!);
        if (!decision.IsAccepted && expected is not null) await RefuseStaleVersionAsync(streamId, expected.Value, cancellation);
        var events = decision.ThrowIfRejected();
        stream.AppendMany(events);
        return Answer(new StreamChanged(streamId, stream.StartingVersion!.Value + events.Count));
    }

    /// <summary>Begins a new stream with what the domain decided.</summary>
    public StreamChanged Start<TAggregate>(Guid streamId, Decision decision) where TAggregate : class
    {
        var events = decision.ThrowIfRejected();
        session.Events.StartStream<TAggregate>(streamId, events);
        return Answer(new StreamChanged(streamId, events.Count));
    }

    /// <summary>
    /// Appends to a second stream that records the command alongside its main one (a change request's trail of
    /// the amendments made under it), at the version it was read at: a concurrent change to it fails the commit.
    /// </summary>
    public void AppendAlongside(Guid streamId, long versionRead, Decision decision)
    {
        var events = decision.ThrowIfRejected();
        session.Events.Append(streamId, versionRead + events.Count, [.. events]);
    }

    /// <summary>
    /// The command's answer, kept for its <c>Idempotency-Key</c>: a retry gets it back and appends nothing. Kept once
    /// per command, as one insert, so a twin that raced this one fails the commit; a later answer replaces an earlier
    /// one before the commit (a command whose answer is more than the stream's new version).
    /// </summary>
    public TResult Answer<TResult>(TResult result)
    {
        if (Idempotency.RecordIdOf(envelope) is not { } key) return result;
        if (answer is null)
        {
            answer = new IdempotencyRecord(key.RecordId, key.Fingerprint, "", Now);
            session.Insert(answer);
        }

        answer.Result = Idempotency.Serialize(result);
        return result;
    }

    /// <summary>
    /// A refusal by a stream that has moved past the version the caller sent was decided on newer state than they saw
    /// (a writer committed between Marten's version check and its read): their version is stale, and that is the
    /// answer, as it would have been a moment earlier.
    /// </summary>
    private async Task RefuseStaleVersionAsync(Guid streamId, long expected, CancellationToken cancellation)
    {
        var current = (await session.Events.FetchStreamStateAsync(streamId, cancellation))?.Version;
        if (current != expected) throw new StreamVersionConflictException(streamId, current);
    }

    /// <summary>
    /// Loads a stream for writing at the version the caller expects (the command's, else their <c>If-Match</c> for this
    /// stream; Marten refuses a stale one right there), or at the version read (the commit fails if anyone appends
    /// meanwhile). When not every caller may see the stream, who may not learns nothing, not even its version: it is
    /// loaded at the version read, <paramref name="see"/> decides, and only then is the expected version compared.
    /// </summary>
    private async Task<IEventStream<TAggregate>> LoadAsync<TAggregate>(
        Guid streamId, long? expected, Action<TAggregate>? see, CancellationToken cancellation)
        where TAggregate : class
    {
        IEventStream<TAggregate> stream;
        try
        {
            stream = see is null && expected is { } version
                ? await session.Events.FetchForWriting<TAggregate>(streamId, version, cancellation)
                : await session.Events.FetchForWriting<TAggregate>(streamId, cancellation);
        }
        catch (Exception e) when (e is ArgumentException || e.InnerException is ArgumentException)
        {
            // The id names a stream of another kind (an account where an order was meant): its events fold into nothing.
            throw new StreamNotFoundException(streamId);
        }

        if (stream.Aggregate is null) throw new StreamNotFoundException(streamId);
        if (see is null) return stream;
        see(stream.Aggregate);
        return expected is not null && stream.StartingVersion != expected
            ? throw new StreamVersionConflictException(streamId, stream.StartingVersion)
            : stream;
    }
}
