namespace SolarEvents.Application.PersonalData;

/// <summary>
/// <c>PersonalData</c> configuration. Master keys and the blind-index key are secrets: they come from the
/// environment or a secret store, never from a file in the repository (./run.sh generates a local key file
/// outside it). Each key is base64 of 32 random bytes.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>The id of the master key that wraps new data keys (and re-wraps old ones on rotation).</summary>
    public string? ActiveMasterKey { get; init; }

    /// <summary>Master keys by id. A retired key stays here until rotation has re-wrapped every data key under it.</summary>
    public Dictionary<string, string> MasterKeys { get; init; } = [];

    /// <summary>The HMAC key of the blind indexes (email and phone lookups).</summary>
    public string? BlindIndexKey { get; init; }

    /// <summary>How long an unwrapped data key stays in memory. Erasure evicts it here at once; other
    /// processes drop it when this runs out.</summary>
    public TimeSpan KeyCacheDuration { get; init; } = TimeSpan.FromMinutes(1);
}
