using SolarEvents.Application.Identity.Credentials;

namespace SolarEvents.Application.Tests.Identity;

public class mailed_codes
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_code_matches_as_typed_or_without_its_dash_until_it_lapses()
    {
        var (code, stored) = MailedCode.New(Now.AddMinutes(30));

        Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", code);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.Hash, StringComparison.Ordinal);
        Assert.True(stored.Matches(code, Now));
        Assert.True(stored.Matches(" " + code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), Now.AddMinutes(29)));
        Assert.False(stored.Matches(code, Now.AddMinutes(30)));
    }

    [Fact]
    public void five_misses_void_the_code_and_codes_do_not_repeat()
    {
        var (code, stored) = MailedCode.New(Now.AddMinutes(30));
        for (var miss = 1; miss < MailedCode.MaxAttempts; miss++) stored = stored.Missed();
        Assert.True(stored.Matches(code, Now));

        Assert.False(stored.Missed().Matches(code, Now));
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => MailedCode.New(Now).Code).Distinct().Count());
    }
}
