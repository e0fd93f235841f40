using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.EndToEnd.Tests.Compliance;

/// <summary>A digest signing key made for one test run, as an operator would supply it through configuration.</summary>
public static class DigestKeyForTests
{
    public static string NewPrivateKeyPem()
    {
        using var key = DigestKeys.NewKey();
        return DigestKeys.PrivateKeyPem(key);
    }
}
