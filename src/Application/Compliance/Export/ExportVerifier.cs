using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.Application.Compliance.Export;

/// <summary>The outcome of checking an export: every problem found, each naming the stream and version it concerns.</summary>
public sealed record ExportReport(int Streams, long Events, bool DigestCovered, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Verifies an export offline with nothing but the public key: the export's signature over its bytes, each stream's
/// hash chain from version 1, the enclosed digest's signature and root, and that every exported stream the digest
/// covers still holds the head the digest recorded. Needs no database and no application configuration.
/// </summary>
public static class ExportVerifier
{
    public static ExportReport Verify(ReadOnlySpan<byte> export, ECDsa publicKey)
    {
        var problems = new List<string>();
        var body = export.TrimEnd("\n"u8);
        var lastBreak = body.LastIndexOf((byte)'\n');
        if (lastBreak < 0) return new ExportReport(0, 0, false, ["the export has no signature line"]);
        var signed = export[..(lastBreak + 1)];

        List<JsonDocument> lines;
        try
        {
            lines = Encoding.UTF8.GetString(export).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();
        }
        catch (JsonException)
        {
            return new ExportReport(0, 0, false, ["the export is not valid JSON Lines"]);
        }

        try
        {
            return Check(lines, signed, publicKey, problems);
        }
        finally
        {
            foreach (var line in lines) line.Dispose();
        }
    }

    private static ExportReport Check(List<JsonDocument> lines, ReadOnlySpan<byte> signed, ECDsa publicKey, List<string> problems)
    {
        var signature = lines[^1].RootElement;
        if (Kind(signature) != ExportFormat.Signature) problems.Add("the export does not end with its signature");
        else if (!publicKey.VerifyHash(SHA256.HashData(signed), FromBase64(signature.GetProperty("signature").GetString())))
            problems.Add("the export's signature is not valid under the given key: the file was changed or signed by another key");

        var header = lines[0].RootElement;
        if (Kind(header) != ExportFormat.Export || header.GetProperty("format").GetString() != ExportFormat.Format)
            problems.Add("the export does not start with an export line of a known format");
        var listed = header.TryGetProperty("streams", out var streams) ? streams.EnumerateArray().Select(s => s.GetGuid()).ToHashSet() : [];

        var verifier = new ChainVerifier();
        EnclosedDigest? digest = null;
        foreach (var line in lines.Skip(1).SkipLast(1).Select(l => l.RootElement))
        {
            try
            {
                switch (Kind(line))
                {
                    case ExportFormat.Event when ToRecordedEvent(line) is var e && listed.Contains(e.StreamId): verifier.Add(e); break;
                    case ExportFormat.Event: problems.Add($"stream {line.GetProperty("streamId")} is not listed in the export line"); break;
                    case ExportFormat.Digest: digest = ToDigest(line); break;
                    default: problems.Add($"unexpected line of kind '{Kind(line)}'"); break;
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problems.Add("a line is malformed or out of order: " + e.Message);
            }
        }

        var report = verifier.Report();
        problems.AddRange(report.Breaks.Select(b => $"stream {b.StreamId} version {b.Version}: {b.Problem}"));
        problems.AddRange(listed.Where(id => !verifier.Heads.ContainsKey(id) && report.Breaks.All(b => b.StreamId != id))
            .Select(id => $"stream {id} is listed but none of its events are in the export"));

        var covered = false;
        if (digest is not null)
        {
            if (SignedDigest.SignatureProblem(digest.Document, digest.Signature, publicKey) is { } problem) problems.Add("digest: " + problem);
            else
            {
                covered = true;
                var root = JsonSerializer.Deserialize<DigestStatement>(digest.Document)!.Root;
                var exported = new Dictionary<(Guid, long), string>();
                foreach (var line in lines.Select(l => l.RootElement).Where(l => Kind(l) == ExportFormat.Event))
                    exported[(line.GetProperty("streamId").GetGuid(), line.GetProperty("version").GetInt64())] = line.GetProperty("hash").GetString() ?? "";
                foreach (var (head, path) in digest.Proofs)
                {
                    if (!LeadsTo(head, path, root))
                        problems.Add($"stream {head.StreamId} version {head.Version}: its proof does not lead to the digest's signed root");
                    else if (!listed.Contains(head.StreamId))
                        problems.Add($"stream {head.StreamId}: proven by the digest but not listed in the export line");
                    else if (!exported.TryGetValue((head.StreamId, head.Version), out var hash))
                        problems.Add($"stream {head.StreamId} version {head.Version}: recorded in the digest but missing from the export");
                    else if (hash != head.Hash)
                        problems.Add($"stream {head.StreamId} version {head.Version}: differs from the digest");
                }
            }
        }

        return new ExportReport(report.Streams, report.Events, covered, problems);
    }

    private static string? Kind(JsonElement line) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty("kind", out var kind) ? kind.GetString() : null;

    private static byte[] FromBase64(string? text)
    {
        try
        {
            return Convert.FromBase64String(text ?? "");
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>Headers and data are taken as their raw text: exactly what PostgreSQL rendered and the hash covers.</summary>
    private static RecordedEvent ToRecordedEvent(JsonElement line) => new(
        line.GetProperty("sequence").GetInt64(),
        line.GetProperty("eventId").GetGuid(),
        line.GetProperty("streamId").GetGuid(),
        line.GetProperty("version").GetInt64(),
        line.GetProperty("type").GetString() ?? "",
        line.GetProperty("timestamp").GetString() ?? "",
        line.GetProperty("actorId").GetString() ?? "",
        line.GetProperty("correlationId").GetString() ?? "",
        line.GetProperty("causationId").GetString() ?? "",
        line.GetProperty("headers").GetRawText(),
        line.GetProperty("data").GetRawText(),
        line.GetProperty("binaryData").GetString() ?? "",
        line.GetProperty("hash").GetString() ?? "");

    private static bool LeadsTo(StreamHead head, IReadOnlyList<ProofStep> path, string root)
    {
        try
        {
            return MerkleTree.RootFromProof(head, path) == root;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record EnclosedDigest(string Document, string Signature, IReadOnlyList<(StreamHead Head, IReadOnlyList<ProofStep> Path)> Proofs);

    private static EnclosedDigest ToDigest(JsonElement line) => new(
        line.GetProperty("document").GetString() ?? "",
        line.GetProperty("signature").GetString() ?? "",
        line.GetProperty("proofs").EnumerateArray()
            .Select(p => (
                new StreamHead(p.GetProperty("streamId").GetGuid(), p.GetProperty("version").GetInt64(), p.GetProperty("hash").GetString() ?? ""),
                (IReadOnlyList<ProofStep>)p.GetProperty("path").EnumerateArray()
                    .Select(s => new ProofStep(s.GetProperty("sibling").GetString() ?? "", s.GetProperty("left").GetBoolean())).ToList()))
            .ToList());
}
