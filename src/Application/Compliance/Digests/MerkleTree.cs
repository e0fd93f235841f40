using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.Compliance.Digests;

/// <summary>The newest event of a stream: its version and its chain hash.</summary>
public sealed record StreamHead(Guid StreamId, long Version, string Hash);

/// <summary>
/// A Merkle root over stream heads, ordered by stream id. Leaves and inner nodes are hashed with different
/// prefixes (0x00, 0x01, as in RFC 6962), and an unpaired node moves up unchanged, so no two different sets
/// of heads share a root.
/// </summary>
public static class MerkleTree
{
    public static string Root(IEnumerable<StreamHead> heads)
    {
        var level = heads.OrderBy(h => h.StreamId.ToString(), StringComparer.Ordinal).Select(Leaf).ToList();
        if (level.Count == 0) return Convert.ToHexStringLower(SHA256.HashData([]));
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
                next.Add(i + 1 < level.Count ? Node(level[i], level[i + 1]) : level[i]);
            level = next;
        }

        return Convert.ToHexStringLower(level[0]);
    }

    private static byte[] Leaf(StreamHead head) =>
        SHA256.HashData([0x00, .. Encoding.UTF8.GetBytes(
            $"{head.StreamId}\n{head.Version.ToString(CultureInfo.InvariantCulture)}\n{head.Hash}")]);

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);
}
