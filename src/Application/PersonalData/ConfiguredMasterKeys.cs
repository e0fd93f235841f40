using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// Master keys from configuration (<see cref="PersonalDataOptions.MasterKeys"/>), wrapping with AES-256-GCM:
/// nonce ‖ ciphertext ‖ tag. Refuses to start without a usable active key, so personal data is never stored
/// unprotected by mistake.
/// </summary>
public sealed class ConfiguredMasterKeys : IMasterKeyService
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Dictionary<string, byte[]> keys;

    public ConfiguredMasterKeys(PersonalDataOptions options)
    {
        keys = options.MasterKeys.ToDictionary(k => k.Key, k => DecodeKey(k.Value, $"PersonalData:MasterKeys:{k.Key}"));
        ActiveMasterKeyId = options.ActiveMasterKey is { Length: > 0 } active && keys.ContainsKey(active)
            ? active
            : throw new InvalidOperationException("PersonalData:ActiveMasterKey must name one of PersonalData:MasterKeys.");
    }

    public string ActiveMasterKeyId { get; }

    public ValueTask<WrappedDataKey> WrapAsync(Guid subjectId, byte[] dataKey, CancellationToken cancellation)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var wrapped = new byte[NonceBytes + dataKey.Length + TagBytes];
        nonce.CopyTo(wrapped, 0);
        using var aes = new AesGcm(keys[ActiveMasterKeyId], TagBytes);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceBytes, dataKey.Length), wrapped.AsSpan(NonceBytes + dataKey.Length),
            AssociatedData(ActiveMasterKeyId, subjectId));
        return ValueTask.FromResult(new WrappedDataKey(ActiveMasterKeyId, wrapped));
    }

    public ValueTask<byte[]> UnwrapAsync(Guid subjectId, WrappedDataKey wrapped, CancellationToken cancellation)
    {
        // A master key no longer configured is a missing key (restore it); a wrapped key of the wrong size was altered.
        if (!keys.TryGetValue(wrapped.MasterKeyId, out var masterKey)) throw new PersonalDataUnreadableException(subjectId, PersonalDataFault.KeyMissing);
        if (wrapped.Ciphertext.Length != NonceBytes + DataKey.KeyBytes + TagBytes)
            throw new PersonalDataUnreadableException(subjectId, PersonalDataFault.Tampered);
        var dataKey = new byte[DataKey.KeyBytes];
        try
        {
            using var aes = new AesGcm(masterKey, TagBytes);
            aes.Decrypt(wrapped.Ciphertext.AsSpan(0, NonceBytes), wrapped.Ciphertext.AsSpan(NonceBytes, DataKey.KeyBytes),
                wrapped.Ciphertext.AsSpan(NonceBytes + DataKey.KeyBytes), dataKey, AssociatedData(wrapped.MasterKeyId, subjectId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PersonalDataUnreadableException(subjectId, PersonalDataFault.Tampered);
        }

        return ValueTask.FromResult(dataKey);
    }

    internal static byte[] DecodeKey(string base64, string setting)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            if (key.Length == 32) return key;
        }
        catch (FormatException)
        {
            // Reported below, without echoing the value.
        }

        throw new InvalidOperationException($"{setting} must be base64 of 32 random bytes.");
    }

    private static byte[] AssociatedData(string masterKeyId, Guid subjectId) => Encoding.UTF8.GetBytes($"dk1.{masterKeyId}.{subjectId:N}");
}
