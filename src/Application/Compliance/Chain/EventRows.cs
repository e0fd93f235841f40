using System.Runtime.CompilerServices;
using Npgsql;

namespace SolarEvents.Application.Compliance.Chain;

/// <summary>
/// Reads stored events as <see cref="RecordedEvent"/>s with parameterized SQL: the text PostgreSQL renders is what
/// the hashes cover, so the verifier, the export and the history views all read through here.
/// </summary>
public sealed class EventRows(NpgsqlDataSource dataSource)
{
    // Only built-in functions: the verifier must not trust functions stored in the database it checks.
    // Left out: Marten's tombstones. When a commit fails after its events drew sequence numbers (a document in the
    // same commit already existed, say), Marten fills those numbers with empty "tombstone" rows in a stream of its
    // own, so its daemon need not wait for them. They carry no data, actor or time (-infinity), belong to no
    // aggregate, and rows cannot be changed into them (the append-only trigger), so leaving them out hides nothing.
    private const string Select = """
        select seq_id, id, stream_id, version, type,
               to_char("timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               coalesce(user_name, ''), coalesce(correlation_id, ''), coalesce(causation_id, ''),
               case when jsonb_typeof(headers) = 'object' then (headers - 'hash')::text else '{}' end, data::text, coalesce(encode(bdata, 'hex'), ''),
               coalesce(headers ->> 'hash', '')
        from solarevents.mt_events
        where not (type = 'tombstone' and data = '{}'::jsonb)
        """;

    public IAsyncEnumerable<RecordedEvent> AllAsync(CancellationToken cancellation = default) =>
        ReadAsync(Select + " order by stream_id, version", [], cancellation);

    public IAsyncEnumerable<RecordedEvent> StreamAsync(Guid streamId, CancellationToken cancellation = default) =>
        ReadAsync(Select + " and stream_id = $1 order by version", [streamId], cancellation);

    public IAsyncEnumerable<RecordedEvent> StreamsAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken cancellation = default) =>
        ReadAsync(Select + " and stream_id = any($1) order by stream_id, version", [streamIds.ToArray()], cancellation);

    /// <summary>Everything one actor did in [from, to), in the order it happened.</summary>
    public IAsyncEnumerable<RecordedEvent> ByActorAsync(
        Guid actorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation = default) =>
        ReadAsync(Select + """ and user_name = $1 and "timestamp" >= $2 and "timestamp" < $3 order by seq_id""",
            [actorId.ToString(), from.ToUniversalTime(), to.ToUniversalTime()], cancellation);

    /// <summary>Events made under one change request: named in the event metadata or in the event itself.</summary>
    public IAsyncEnumerable<RecordedEvent> ByChangeRequestAsync(Guid changeRequestId, CancellationToken cancellation = default) =>
        ReadAsync(Select + """
             and (headers ->> 'change_request_id' = $1 or data ->> 'changeRequestId' = $1 or data ->> 'ChangeRequestId' = $1)
             order by seq_id
            """, [changeRequestId.ToString()], cancellation);

    /// <summary>Each stream's recorded version, as Marten's stream table holds it.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> StreamVersionsAsync(CancellationToken cancellation = default)
    {
        var versions = new Dictionary<Guid, long>();
        await using var command = dataSource.CreateCommand("select id, version from solarevents.mt_streams");
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }

    private async IAsyncEnumerable<RecordedEvent> ReadAsync(
        string sql, object[] parameters, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            yield return new RecordedEvent(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11), reader.GetString(12));
        }
    }
}
