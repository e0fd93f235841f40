using SolarEvents.Application.Identity.Passwords;

namespace SolarEvents.Application.Tests.Identity;

public sealed class password_policy
{
    [Theory]
    [InlineData("correct horse")]                      // 13 characters, no digits or symbols needed
    [InlineData("ünïcödé pässwörd")]
    [InlineData("🌞🌞🌞🌞🌞🌞🌞🌞🌞🌞🌞🌞")]                     // 12 code points (24 UTF-16 units)
    public void long_enough_passwords_pass_without_composition_rules(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("elevenchars")]
    [InlineData("🌞🌞🌞🌞🌞🌞🌞🌞🌞🌞🌞")]                      // 11 code points, 22 UTF-16 units
    public void short_passwords_are_refused(string? password) =>
        Assert.NotEmpty(PasswordPolicy.Check(password));

    [Fact]
    public void passwords_of_128_characters_pass_and_longer_ones_are_refused()
    {
        Assert.Empty(PasswordPolicy.Check(new string('k', 128)));
        Assert.NotEmpty(PasswordPolicy.Check(new string('k', 129)));
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("Password1234")]
    [InlineData("correcthorsebatterystaple")]
    public void common_breached_passwords_are_refused_whatever_their_case(string password) =>
        Assert.Contains(PasswordPolicy.Check(password), reason => reason.Contains("common", StringComparison.Ordinal));
}
