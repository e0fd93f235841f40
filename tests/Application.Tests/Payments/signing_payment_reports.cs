using System.Text;
using Microsoft.Extensions.Configuration;
using SolarEvents.Application.Payments;

namespace SolarEvents.Application.Tests.Payments;

public sealed class signing_payment_reports
{
    private const string Secret = "a-secret-of-at-least-24-characters";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"evt_1","amount":100}""");
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static PaymentSignatures Signatures(params string[] secrets) =>
        new(new PaymentSettings { SigningSecrets = [.. secrets] }, new At(Now));

    [Fact]
    public void a_report_signed_with_an_active_secret_within_the_tolerance_passes()
    {
        Assert.NotNull(Signatures(Secret).Verify(PaymentSignatures.Sign(Secret, Now.AddMinutes(-4), Body), Body));
        Assert.NotNull(Signatures("the-retiring-secret-of-24-chars", Secret).Verify(PaymentSignatures.Sign(Secret, Now, Body), Body));
    }

    [Theory]
    [InlineData("no header")]
    [InlineData("other body")]
    [InlineData("other secret")]
    [InlineData("too old")]
    [InlineData("too new")]
    [InlineData("not hex")]
    public void anything_else_is_refused(string how)
    {
        var header = how switch
        {
            "no header" => null,
            "other body" => PaymentSignatures.Sign(Secret, Now, Encoding.UTF8.GetBytes("{}")),
            "other secret" => PaymentSignatures.Sign("someone-else-s-secret-of-24-chars", Now, Body),
            "too old" => PaymentSignatures.Sign(Secret, Now.AddMinutes(-6), Body),
            "too new" => PaymentSignatures.Sign(Secret, Now.AddMinutes(6), Body),
            _ => $"t={Now.ToUnixTimeSeconds()},v1={new string('z', 64)}",
        };

        Assert.Throws<PaymentSignatureRefusedException>(() => Signatures(Secret).Verify(header, Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short")]
    public void a_blank_or_short_secret_is_refused_at_start(string secret)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:SigningSecrets:0"] = Secret, ["Payments:SigningSecrets:1"] = secret })
            .Build();

        Assert.Throws<InvalidOperationException>(() => PaymentSettings.From(configuration));
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
