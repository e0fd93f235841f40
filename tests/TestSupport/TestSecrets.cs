using System.Security.Cryptography;

namespace SolarEvents.TestSupport;

/// <summary>Keys made for one test host only, in the shape the hosts read them from configuration.</summary>
public static class TestSecrets
{
    public const string MasterKeyId = "test-master-1";

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A master key and a blind-index key (PersonalData section).</summary>
    public static Dictionary<string, string?> PersonalData() => new()
    {
        ["PersonalData:ActiveMasterKey"] = MasterKeyId,
        [$"PersonalData:MasterKeys:{MasterKeyId}"] = NewKey(),
        ["PersonalData:BlindIndexKey"] = NewKey(),
    };

    /// <summary>Mail lands as .eml files in a directory of this host's own, checked every 200 ms (Mail section).</summary>
    public static Dictionary<string, string?> Mail(string? directory = null) => new()
    {
        ["Mail:PickupDirectory"] = directory ?? Path.Combine(Path.GetTempPath(), "solarevents-mail", Guid.NewGuid().ToString("N")),
        ["Mail:PollInterval"] = "00:00:00.200",
    };
}
