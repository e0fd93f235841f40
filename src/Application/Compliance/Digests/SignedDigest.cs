using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SolarEvents.Application.Compliance.Digests;

/// <summary>What a digest states; <see cref="SignedDigest.Document"/> is this, serialized once and signed as bytes.</summary>
public sealed record DigestStatement(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("streams")] int Streams,
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("keyId")] string KeyId)
{
    public const string CurrentFormat = "solarevents.digest.v1";
}

/// <summary>
/// A signed statement of every stream head at one moment: the Merkle root of <see cref="Heads"/>, signed with
/// ECDSA P-256 / SHA-256 (IEEE P1363 signature, base64). The signature covers <see cref="Document"/>'s exact
/// UTF-8 bytes; the heads are bound to it through the root.
/// </summary>
public sealed record SignedDigest(string Document, string Signature, IReadOnlyList<StreamHead> Heads)
{
    public DigestStatement Statement =>
        JsonSerializer.Deserialize<DigestStatement>(Document) ?? throw new InvalidDataException("The digest document is empty.");

    public static SignedDigest Sign(IReadOnlyList<StreamHead> heads, DateTimeOffset createdAt, ECDsa privateKey)
    {
        var statement = new DigestStatement(
            DigestStatement.CurrentFormat, createdAt, heads.Count, MerkleTree.Root(heads), DigestKeys.KeyId(privateKey));
        var document = JsonSerializer.Serialize(statement);
        var signature = privateKey.SignData(Encoding.UTF8.GetBytes(document), HashAlgorithmName.SHA256);
        return new SignedDigest(document, Convert.ToBase64String(signature), heads);
    }

    /// <summary>Null when the digest is genuine under <paramref name="publicKey"/>; otherwise what is wrong.</summary>
    public string? Problem(ECDsa publicKey)
    {
        if (SignatureProblem(Document, Signature, publicKey) is { } problem) return problem;
        return Statement.Streams != Heads.Count || MerkleTree.Root(Heads) != Statement.Root
            ? "the stream heads do not match the signed root"
            : null;
    }

    /// <summary>Checks a digest document and its signature alone, as exports carry it (with proofs, not all heads).</summary>
    public static string? SignatureProblem(string document, string signature, ECDsa publicKey)
    {
        byte[] signatureBytes;
        DigestStatement? statement;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
            statement = JsonSerializer.Deserialize<DigestStatement>(document);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return "the digest is malformed";
        }

        if (statement?.Format != DigestStatement.CurrentFormat) return $"unknown digest format '{statement?.Format}'";
        if (statement.KeyId != DigestKeys.KeyId(publicKey)) return $"the digest was signed with key {statement.KeyId}, not with the given key";
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(document), signatureBytes, HashAlgorithmName.SHA256)
            ? null
            : "the digest's signature is not valid";
    }
}
