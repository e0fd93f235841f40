using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Compliance.Export;

/// <summary>Writes a stream's or a customer's whole history as a signed JSON Lines export (<see cref="ExportFormat"/>).</summary>
public sealed class HistoryExporter(NpgsqlDataSource dataSource, EventRows rows, DigestStore digests, TimeProvider clock)
{
    public Task WriteStreamAsync(Stream output, Guid streamId, ECDsa signingKey, CancellationToken cancellation = default) =>
        WriteAsync(output, "stream", streamId, [streamId], signingKey, cancellation);

    /// <summary>The customer's account stream, every order the customer requested, every change request opened
    /// on one of those, and the record of employees' reads of the customer's personal data.</summary>
    public async Task WriteCustomerAsync(Stream output, Guid customerId, ECDsa signingKey, CancellationToken cancellation = default) =>
        await WriteAsync(output, "customer", customerId, await CustomerStreamsAsync(customerId, cancellation), signingKey, cancellation);

    public async Task<IReadOnlyList<Guid>> CustomerStreamsAsync(Guid customerId, CancellationToken cancellation = default)
    {
        var streams = new List<Guid>();
        await using var command = dataSource.CreateCommand("""
            with own as (
                select distinct stream_id from solarevents.mt_events
                where stream_id = $1 or stream_id = $5 or (type = $2 and data ->> 'CustomerId' = $3))
            select stream_id from own
            union
            select e.stream_id from solarevents.mt_events e join own on e.data ->> 'TargetStreamId' = own.stream_id::text
            where e.type = $4
            order by 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        command.Parameters.Add(new NpgsqlParameter { Value = EventCatalog.NameOf(typeof(QuoteRequested)) });
        command.Parameters.Add(new NpgsqlParameter { Value = customerId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = EventCatalog.NameOf(typeof(ChangeRequestOpened)) });
        command.Parameters.Add(new NpgsqlParameter { Value = PersonalDataAccess.StreamIdOf(customerId) });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) streams.Add(reader.GetGuid(0));
        return streams;
    }

    private async Task WriteAsync(
        Stream output, string scope, Guid subject, IReadOnlyList<Guid> streamIds, ECDsa signingKey, CancellationToken cancellation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>();

        async Task Line(Action<Utf8JsonWriter> write)
        {
            buffer.ResetWrittenCount();
            await using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                write(json);
                json.WriteEndObject();
            }

            buffer.Write("\n"u8);
            hash.AppendData(buffer.WrittenSpan);
            await output.WriteAsync(buffer.WrittenMemory, cancellation);
        }

        await Line(json =>
        {
            json.WriteString("kind", ExportFormat.Export);
            json.WriteString("format", ExportFormat.Format);
            json.WriteString("scope", scope);
            json.WriteString("subject", subject);
            json.WriteString("createdAt", clock.GetUtcNow());
            json.WriteStartArray("streams");
            foreach (var id in streamIds) json.WriteStringValue(id);
            json.WriteEndArray();
        });

        await foreach (var e in rows.StreamsAsync(streamIds, cancellation))
        {
            await Line(json =>
            {
                json.WriteString("kind", ExportFormat.Event);
                json.WriteString("streamId", e.StreamId);
                json.WriteNumber("version", e.Version);
                json.WriteString("eventId", e.EventId);
                json.WriteNumber("sequence", e.Sequence);
                json.WriteString("type", e.Type);
                json.WriteString("timestamp", e.Timestamp);
                json.WriteString("actorId", e.ActorId);
                json.WriteString("correlationId", e.CorrelationId);
                json.WriteString("causationId", e.CausationId);
                json.WritePropertyName("headers");
                json.WriteRawValue(e.Headers);
                json.WritePropertyName("data");
                json.WriteRawValue(e.Data);
                json.WriteString("binaryData", e.BinaryData);
                json.WriteString("hash", e.Hash);
            });
        }

        // The latest digest with an inclusion proof per exported stream it covers: the other streams' heads stay out.
        if (await digests.LatestAsync(cancellation) is { } latest)
        {
            await Line(json =>
            {
                json.WriteString("kind", ExportFormat.Digest);
                json.WriteString("document", latest.Digest.Document);
                json.WriteString("signature", latest.Digest.Signature);
                json.WriteStartArray("proofs");
                foreach (var head in latest.Digest.Heads.Where(h => streamIds.Contains(h.StreamId)))
                {
                    json.WriteStartObject();
                    json.WriteString("streamId", head.StreamId);
                    json.WriteNumber("version", head.Version);
                    json.WriteString("hash", head.Hash);
                    json.WriteStartArray("path");
                    foreach (var step in MerkleTree.Proof(latest.Digest.Heads, head.StreamId)!)
                    {
                        json.WriteStartObject();
                        json.WriteString("sibling", step.Sibling);
                        json.WriteBoolean("left", step.SiblingOnLeft);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
        }

        var signature = signingKey.SignHash(hash.GetHashAndReset());
        await Line(json =>
        {
            json.WriteString("kind", ExportFormat.Signature);
            json.WriteString("keyId", DigestKeys.KeyId(signingKey));
            json.WriteString("signature", Convert.ToBase64String(signature));
        });
        await output.FlushAsync(cancellation);
    }
}
