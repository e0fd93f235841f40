using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// The envelope a personal value is stored as, in events and in read models alike:
/// <c>pd1.{key id}.{nonce}.{ciphertext}.{tag}</c>, the binary parts base64url. The key id is the subject's id
/// (one data key per customer or employee), so any reader knows which key opens it without a lookup table.
/// </summary>
public sealed record SealedValue(Guid KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    private const string Version = "pd1";

    public override string ToString() =>
        $"{Version}.{KeyId:N}.{Base64Url.EncodeToString(Nonce)}.{Base64Url.EncodeToString(Ciphertext)}.{Base64Url.EncodeToString(Tag)}";

    /// <summary>Anything that is not a well-formed envelope counts as tampered: it cannot have come from us.</summary>
    public static SealedValue Parse(string envelope) =>
        TryParse(envelope, out var sealedValue) ? sealedValue : throw new PersonalDataUnreadableException(null, PersonalDataFault.Tampered);

    public static Guid? KeyIdOf(string envelope) => TryParse(envelope, out var sealedValue) ? sealedValue.KeyId : null;

    private static bool TryParse(string envelope, [NotNullWhen(true)] out SealedValue? sealedValue)
    {
        sealedValue = null;
        var parts = envelope.Split('.');
        if (parts is not [Version, var keyId, var nonce, var ciphertext, var tag] || !Guid.TryParseExact(keyId, "N", out var id)) return false;
        try
        {
            sealedValue = new SealedValue(id, Base64Url.DecodeFromChars(nonce), Base64Url.DecodeFromChars(ciphertext), Base64Url.DecodeFromChars(tag));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
