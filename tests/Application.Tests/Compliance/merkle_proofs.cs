using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class merkle_proofs
{
    private static List<StreamHead> Heads(int count) =>
        Enumerable.Range(1, count).Select(i => new StreamHead(Guid.CreateVersion7(), i, new string((char)('a' + (i % 6)), 64))).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    public void every_heads_proof_leads_to_the_root_and_an_altered_head_does_not(int count)
    {
        var heads = Heads(count);
        var root = MerkleTree.Root(heads);

        foreach (var head in heads)
        {
            var proof = MerkleTree.Proof(heads, head.StreamId)!;
            Assert.Equal(root, MerkleTree.RootFromProof(head, proof));
            Assert.NotEqual(root, MerkleTree.RootFromProof(head with { Version = head.Version + 1 }, proof));
        }
    }

    [Fact]
    public void the_root_depends_on_every_head_but_not_on_their_order()
    {
        var heads = Heads(5);

        Assert.Equal(MerkleTree.Root(heads), MerkleTree.Root(Enumerable.Reverse(heads)));
        Assert.NotEqual(MerkleTree.Root(heads), MerkleTree.Root(heads.Skip(1)));
        Assert.NotEqual(MerkleTree.Root(heads), MerkleTree.Root([.. heads.SkipLast(1), heads[^1] with { Hash = new string('9', 64) }]));
        Assert.Null(MerkleTree.Proof(heads, Guid.CreateVersion7()));
    }
}
