using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Application.Messaging;

/// <summary>The answer to a command, and whether it is a stored one given again for a retried key.</summary>
public sealed record Sent<T>(T Result, bool Replayed);

/// <summary>
/// Where every caller's command enters the pipeline (authorization → validation → actor stamp → handler →
/// commit), so what makes it safe to retry and to race holds for all of them alike:
/// <list type="bullet">
/// <item>With an <see cref="IdempotencyKey"/> (scoped to the caller), the same key and request get the first answer
/// again and append nothing; the same key with another request is <see cref="IdempotencyKeyReusedException"/>. The
/// stored answer is not looked up first: a retry runs into it (the answer's insert, or the stream's version, fails
/// its commit), so a first attempt costs no extra read.</item>
/// <item>A lost race (another writer appended first, or a twin stored the key first) is answered from the twin's
/// stored answer when there is one, else as <see cref="StreamVersionConflictException"/> with the stream's current
/// version. A concurrency conflict never escapes as anything else.</item>
/// <item>After the commit, and only for a first answer, the command's <see cref="IAfterCommit"/> steps run.</item>
/// </list>
/// </summary>
public sealed class CommandSender(
    IMessageBus bus, IDocumentStore store, ICallerContext caller, IServiceProvider services, ILogger<CommandSender> logger)
{
    /// <param name="command">Any command with a handler and an authorization rule.</param>
    /// <param name="stream">The stream the command changes or starts: the one whose version a conflict reports.</param>
    /// <param name="key">The caller's idempotency key and request, or null when the request came without one.</param>
    /// <param name="cancellation">Cancels the send.</param>
    /// <param name="expectedVersion">The version of <paramref name="stream"/> the caller read (<c>If-Match</c>), if
    /// they sent one: the stream is written only if it still has that version.</param>
    public async Task<Sent<T>> SendAsync<T>(
        object command, Guid stream, long? expectedVersion, IdempotencyKey? key, CancellationToken cancellation)
    {
        var stored = key is null ? default : Stored(command, key);
        T result;
        try
        {
            var options = new DeliveryOptions();
            if (key is not null) options.WithKey(stored.RecordId, stored.Fingerprint);
            if (expectedVersion is { } version) options.WithExpectedVersion(stream, version);
            result = await bus.InvokeAsync<T>(command, options, cancellation);
        }
        catch (Exception e) when (e.IsLostRace() || (key is not null && e is DomainRuleViolatedException or StreamNotFoundException))
        {
            // An earlier attempt with the same key (a retry, or a twin racing this one) committed: this one then
            // either lost the race for the answer or the stream, or decided against state that already held the
            // earlier change. Either way the first answer stands.
            if (key is not null && await ReplayAsync<T>(stored, cancellation) is { } twin) return twin;
            if (!e.IsLostRace()) throw;
            await using var query = store.QuerySession();
            var state = await query.Events.FetchStreamStateAsync(stream, cancellation);
            throw new StreamVersionConflictException(stream, state?.Version, e);
        }

        // Committed: what follows can no longer turn the answer into a failure, or a failure into a replay.
        await AfterCommitAsync(command);
        return new Sent<T>(result, Replayed: false);
    }

    private (string RecordId, string Fingerprint) Stored(object command, IdempotencyKey key)
    {
        // Scoped to the caller. Those who hold no token (self-registration, the payment provider) share a scope per
        // kind of command: registration's answer tells nothing about anyone, and the provider's ids are its own.
        var scope = Actor.From(caller.Principal)?.Id.ToString("N")
                    ?? (command is IAnonymousCommand ? "anonymous:" + command.GetType().Name : throw new CommandUnauthenticatedException());
        // The fingerprint hashes the raw key with the request, so a stored record cannot be tested against guesses of
        // the request (an email, a phone number) without the key, which is never stored.
        return (Idempotency.RecordId(scope, key.Key), Idempotency.Hash(key.Key + "\n" + key.Request));
    }

    private async Task<Sent<T>?> ReplayAsync<T>((string RecordId, string Fingerprint) stored, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var record = await query.LoadAsync<IdempotencyRecord>(stored.RecordId, cancellation);
        if (record is null) return null;
        if (record.Fingerprint != stored.Fingerprint) throw new IdempotencyKeyReusedException();
        return new Sent<T>(Idempotency.Replay<T>(record), Replayed: true);
    }

    private async Task AfterCommitAsync(object command)
    {
        foreach (var step in services.GetKeyedServices<IAfterCommit>(command.GetType()))
        {
            try
            {
                // Not the caller's cancellation: the command happened, so its consequences should too.
                await step.RunAsync(command, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A step after {Command} committed failed", command.GetType().Name);
            }
        }
    }
}

/// <summary>The answer of a command that has nothing else to say.</summary>
public sealed record Acknowledged;

/// <summary>
/// What must follow a command's commit in this process and never precede it: a security event that says something
/// happened, forgetting what this instance cached about a caller's tokens. Declared next to the command's handler,
/// found by <see cref="CommandBusConfiguration"/>.
/// </summary>
public interface IAfterCommit
{
    Task RunAsync(object command, CancellationToken cancellation);
}

public abstract class AfterCommit<TCommand> : IAfterCommit
{
    public Task RunAsync(object command, CancellationToken cancellation) => RunAsync((TCommand)command, cancellation);

    protected abstract Task RunAsync(TCommand command, CancellationToken cancellation);
}
