using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace SolarEvents.Application.Compliance.Digests;

/// <summary>A stored digest and its row id.</summary>
public sealed record StoredDigest(long Id, DateTimeOffset CreatedAt, SignedDigest Digest);

/// <summary>What a digest says that the event store no longer shows: the stream, the version, the problem.</summary>
public sealed record DigestBreak(Guid StreamId, long Version, string Problem);

/// <summary>Creates, stores and checks signed digests of the stream heads (table solarevents.compliance_digests).</summary>
public sealed class DigestStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Signs the heads as stored now and keeps the digest. The heads are read, not verified: run the chain
    /// verifier to know the chains are intact; a digest proves later that nothing it covers changed or vanished.</summary>
    public async Task<StoredDigest> CreateAsync(ECDsa signingKey, CancellationToken cancellation = default)
    {
        var heads = new List<StreamHead>();
        await using (var command = dataSource.CreateCommand("""
            select distinct on (stream_id) stream_id, version, coalesce(headers ->> 'hash', '')
            from solarevents.mt_events order by stream_id, version desc
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation)) heads.Add(new StreamHead(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2)));
        }

        var createdAt = clock.GetUtcNow();
        var digest = SignedDigest.Sign(heads, createdAt, signingKey);
        await using var insert = dataSource.CreateCommand("""
            insert into solarevents.compliance_digests (created_at, key_id, root, signature, document, heads)
            values ($1, $2, $3, $4, $5, $6) returning id
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = createdAt });
        insert.Parameters.Add(new NpgsqlParameter { Value = digest.Statement.KeyId });
        insert.Parameters.Add(new NpgsqlParameter { Value = digest.Statement.Root });
        insert.Parameters.Add(new NpgsqlParameter { Value = digest.Signature });
        insert.Parameters.Add(new NpgsqlParameter { Value = digest.Document });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(heads, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        var id = (long)(await insert.ExecuteScalarAsync(cancellation))!;
        return new StoredDigest(id, createdAt, digest);
    }

    public async Task<StoredDigest?> LatestAsync(CancellationToken cancellation = default) =>
        (await ReadAsync("order by id desc limit 1", cancellation)).SingleOrDefault();

    public Task<IReadOnlyList<StoredDigest>> AllAsync(CancellationToken cancellation = default) => ReadAsync("order by id", cancellation);

    /// <summary>
    /// Checks a digest against the store: its signature under <paramref name="publicKey"/>, then that every head it
    /// recorded is still there with the same hash. Streams only grow, so a missing stream, a missing version or a
    /// different hash at a recorded version means history was removed or rewritten since the digest.
    /// </summary>
    public async Task<IReadOnlyList<DigestBreak>> CheckAsync(SignedDigest digest, ECDsa publicKey, CancellationToken cancellation = default)
    {
        if (digest.Problem(publicKey) is { } problem) return [new DigestBreak(Guid.Empty, 0, problem)];

        var breaks = new List<DigestBreak>();
        await using var command = dataSource.CreateCommand("""
            select h.stream_id, h.version, e.headers ->> 'hash',
                   exists (select from solarevents.mt_events s where s.stream_id = h.stream_id)
            from unnest($1::uuid[], $2::bigint[]) as h(stream_id, version)
            left join solarevents.mt_events e on e.stream_id = h.stream_id and e.version = h.version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = digest.Heads.Select(h => h.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = digest.Heads.Select(h => h.Version).ToArray() });
        var recorded = digest.Heads.ToDictionary(h => h.StreamId);
        var createdAt = digest.Statement.CreatedAt;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var head = recorded[reader.GetGuid(0)];
            var hash = reader.IsDBNull(2) ? null : reader.GetString(2);
            if (!reader.GetBoolean(3))
                breaks.Add(new DigestBreak(head.StreamId, head.Version, $"the stream is missing; the digest of {createdAt:O} recorded it at version {head.Version}"));
            else if (hash is null)
                breaks.Add(new DigestBreak(head.StreamId, head.Version, $"version {head.Version}, recorded in the digest of {createdAt:O}, is missing"));
            else if (hash != head.Hash)
                breaks.Add(new DigestBreak(head.StreamId, head.Version, $"version {head.Version} differs from the digest of {createdAt:O}: history was rewritten"));
        }

        return breaks;
    }

    private async Task<IReadOnlyList<StoredDigest>> ReadAsync(string tail, CancellationToken cancellation)
    {
        var digests = new List<StoredDigest>();
        await using var command = dataSource.CreateCommand(
            "select id, created_at, document, signature, heads::text from solarevents.compliance_digests " + tail);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var heads = JsonSerializer.Deserialize<List<StreamHead>>(reader.GetString(4), Json) ?? [];
            digests.Add(new StoredDigest(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1),
                new SignedDigest(reader.GetString(2), reader.GetString(3), heads)));
        }

        return digests;
    }
}
