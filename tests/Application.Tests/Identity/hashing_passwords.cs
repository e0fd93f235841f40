using SolarEvents.Application.Identity.Passwords;

namespace SolarEvents.Application.Tests.Identity;

public sealed class hashing_passwords
{
    private static readonly PasswordHashingOptions Owasp = new();
    private static readonly PasswordHashingOptions Weaker = new() { MemoryKiB = 8 * 1024, Iterations = 1, Parallelism = 1 };

    [Fact]
    public void the_stored_hash_carries_algorithm_version_and_parameters()
    {
        var hash = new PasswordHasher(Owasp).Hash("a long enough passphrase");

        Assert.Matches(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", hash);
    }

    [Fact]
    public void the_right_password_matches_and_a_wrong_one_does_not()
    {
        var hasher = new PasswordHasher(Owasp);
        var hash = hasher.Hash("a long enough passphrase");

        Assert.Equal(new PasswordCheck(true, false), hasher.Verify("a long enough passphrase", hash));
        Assert.False(hasher.Verify("a long enough passphrasE", hash).Matches);
    }

    [Fact]
    public void two_hashes_of_one_password_differ_by_their_salt()
    {
        var hasher = new PasswordHasher(Owasp);

        Assert.NotEqual(hasher.Hash("a long enough passphrase"), hasher.Hash("a long enough passphrase"));
    }

    [Fact]
    public void a_hash_made_with_weaker_parameters_still_verifies_and_asks_for_a_rehash()
    {
        var old = new PasswordHasher(Weaker).Hash("a long enough passphrase");

        var check = new PasswordHasher(Owasp).Verify("a long enough passphrase", old);

        Assert.Equal(new PasswordCheck(true, true), check);
    }

    [Fact]
    public void a_wrong_password_never_asks_for_a_rehash() =>
        Assert.Equal(default, new PasswordHasher(Owasp).Verify("wrong", new PasswordHasher(Weaker).Hash("a long enough passphrase")));

    [Theory]
    [InlineData("")]
    [InlineData("$2b$12$abcdefghijklmnopqrstuv")]
    [InlineData("$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!$??")]
    public void a_malformed_stored_hash_never_matches(string stored) =>
        Assert.False(new PasswordHasher(Owasp).Verify("a long enough passphrase", stored).Matches);
}
