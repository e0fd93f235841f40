using OtpNet;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Mfa;

namespace SolarEvents.Application.Tests.Identity;

public sealed class totp_and_lockout
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 10, TimeSpan.Zero);
    private readonly string _secret = TotpCodes.NewSecret();

    private string CodeAt(DateTimeOffset moment) => new Totp(Base32Encoding.ToBytes(_secret)).ComputeTotp(moment.UtcDateTime);

    [Fact]
    public void a_current_code_matches_its_step_once()
    {
        var step = TotpCodes.MatchStep(_secret, CodeAt(Now), lastUsedStep: 0, Now);

        Assert.Equal(Now.ToUnixTimeSeconds() / 30, step);
        Assert.Null(TotpCodes.MatchStep(_secret, CodeAt(Now), lastUsedStep: step!.Value, Now));
    }

    [Fact]
    public void one_step_of_drift_either_way_is_accepted_and_two_are_not()
    {
        Assert.NotNull(TotpCodes.MatchStep(_secret, CodeAt(Now.AddSeconds(-30)), 0, Now));
        Assert.NotNull(TotpCodes.MatchStep(_secret, CodeAt(Now.AddSeconds(30)), 0, Now));
        Assert.Null(TotpCodes.MatchStep(_secret, CodeAt(Now.AddSeconds(-60)), 0, Now));
        Assert.Null(TotpCodes.MatchStep(_secret, CodeAt(Now.AddSeconds(60)), 0, Now));
    }

    [Fact]
    public void an_older_code_is_refused_once_a_newer_one_was_used()
    {
        var newer = TotpCodes.MatchStep(_secret, CodeAt(Now), 0, Now)!.Value;

        Assert.Null(TotpCodes.MatchStep(_secret, CodeAt(Now.AddSeconds(-30)), newer, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12345a")]
    [InlineData("1234567")]
    public void malformed_codes_never_match(string? code) => Assert.Null(TotpCodes.MatchStep(_secret, code, 0, Now));

    [Fact]
    public void the_otpauth_uri_names_issuer_account_and_parameters() =>
        Assert.Equal($"otpauth://totp/SolarEvents:a%40b.test?secret={_secret}&issuer=SolarEvents&algorithm=SHA1&digits=6&period=30",
            TotpCodes.Uri(_secret, "a@b.test"));

    [Fact]
    public void recovery_codes_are_ten_distinct_and_hash_regardless_of_dash_and_case()
    {
        var codes = TotpCodes.NewRecoveryCodes();

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(TotpCodes.HashCode(codes[0]), TotpCodes.HashCode(codes[0].Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()));
    }

    [Fact]
    public void lockout_starts_at_the_threshold_and_doubles_up_to_the_cap()
    {
        var options = new IdentityOptions { LockoutThreshold = 5, LockoutBaseSeconds = 30, LockoutMaxMinutes = 30 };

        Assert.Equal(TimeSpan.Zero, options.LockoutFor(4));
        Assert.Equal(TimeSpan.FromSeconds(30), options.LockoutFor(5));
        Assert.Equal(TimeSpan.FromSeconds(60), options.LockoutFor(6));
        Assert.Equal(TimeSpan.FromSeconds(120), options.LockoutFor(7));
        Assert.Equal(TimeSpan.FromMinutes(30), options.LockoutFor(50));
    }
}
