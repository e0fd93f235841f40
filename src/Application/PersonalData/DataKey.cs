using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// One subject's AES-256-GCM data key, unwrapped, in memory only. Seals personal values into envelopes and
/// opens them. The associated data binds each envelope to its key id, so an envelope moved to another
/// customer's record fails to open instead of decrypting under the wrong identity.
/// </summary>
public sealed class DataKey(Guid subjectId, byte[] key)
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public Guid SubjectId { get; } = subjectId;

    public static byte[] NewKeyMaterial() => RandomNumberGenerator.GetBytes(KeyBytes);

    public string Seal(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var ciphertext = new byte[input.Length];
        var tag = new byte[TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, input, ciphertext, tag, AssociatedData(SubjectId));
        return new SealedValue(SubjectId, nonce, ciphertext, tag).ToString();
    }

    public string Open(string envelope)
    {
        var sealedValue = SealedValue.Parse(envelope);
        if (sealedValue.KeyId != SubjectId || sealedValue.Nonce.Length != NonceBytes || sealedValue.Tag.Length != TagBytes)
            throw new PersonalDataUnreadableException(SubjectId, PersonalDataFault.Tampered);
        var plaintext = new byte[sealedValue.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedValue.Nonce, sealedValue.Ciphertext, sealedValue.Tag, plaintext, AssociatedData(SubjectId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PersonalDataUnreadableException(SubjectId, PersonalDataFault.Tampered);
        }

        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Never the key material, wherever a log or debugger might print this.</summary>
    public override string ToString() => $"{nameof(DataKey)} {{ {nameof(SubjectId)} = {SubjectId} }}";

    private static byte[] AssociatedData(Guid keyId) => Encoding.ASCII.GetBytes($"pd1.{keyId:N}");
}
