using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.Compliance.Digests;

/// <summary>The newest event of a stream: its version and its chain hash.</summary>
public sealed record StreamHead(Guid StreamId, long Version, string Hash);

/// <summary>One step from a leaf towards the root: the sibling's hash and on which side it sits.</summary>
public sealed record ProofStep(string Sibling, bool SiblingOnLeft);

/// <summary>
/// A Merkle root over stream heads, ordered by stream id. Leaves and inner nodes are hashed with different
/// prefixes (0x00, 0x01, as in RFC 6962), and an unpaired node moves up unchanged, so no two different sets
/// of heads share a root. An inclusion proof shows one head is under a root without revealing the others.
/// </summary>
public static class MerkleTree
{
    public static string Root(IEnumerable<StreamHead> heads)
    {
        var levels = Levels(heads, out _);
        return levels.Count == 0 ? Convert.ToHexStringLower(SHA256.HashData([])) : Convert.ToHexStringLower(levels[^1][0]);
    }

    /// <summary>The path from <paramref name="streamId"/>'s leaf to the root; null when the stream has no head here.</summary>
    public static IReadOnlyList<ProofStep>? Proof(IEnumerable<StreamHead> heads, Guid streamId)
    {
        var levels = Levels(heads, out var ordered);
        var index = ordered.FindIndex(h => h.StreamId == streamId);
        if (index < 0) return null;
        var path = new List<ProofStep>();
        foreach (var level in levels.SkipLast(1))
        {
            var sibling = index % 2 == 0 ? index + 1 : index - 1;
            if (sibling < level.Count) path.Add(new ProofStep(Convert.ToHexStringLower(level[sibling]), SiblingOnLeft: sibling < index));
            index /= 2;
        }

        return path;
    }

    /// <summary>The root that <paramref name="head"/> and <paramref name="proof"/> lead to.</summary>
    public static string RootFromProof(StreamHead head, IReadOnlyList<ProofStep> proof)
    {
        var node = Leaf(head);
        foreach (var step in proof)
        {
            var sibling = Convert.FromHexString(step.Sibling);
            node = step.SiblingOnLeft ? Node(sibling, node) : Node(node, sibling);
        }

        return Convert.ToHexStringLower(node);
    }

    private static List<List<byte[]>> Levels(IEnumerable<StreamHead> heads, out List<StreamHead> ordered)
    {
        ordered = heads.OrderBy(h => h.StreamId.ToString(), StringComparer.Ordinal).ToList();
        var levels = new List<List<byte[]>>();
        if (ordered.Count == 0) return levels;
        levels.Add(ordered.Select(Leaf).ToList());
        while (levels[^1].Count > 1)
        {
            var level = levels[^1];
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2) next.Add(i + 1 < level.Count ? Node(level[i], level[i + 1]) : level[i]);
            levels.Add(next);
        }

        return levels;
    }

    private static byte[] Leaf(StreamHead head) =>
        SHA256.HashData([0x00, .. Encoding.UTF8.GetBytes(
            $"{head.StreamId}\n{head.Version.ToString(CultureInfo.InvariantCulture)}\n{head.Hash}")]);

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);
}
