namespace SolarEvents.Application.PersonalData;

/// <summary>A data key as stored: wrapped (encrypted) by the master key named by <paramref name="MasterKeyId"/>.</summary>
public sealed record WrappedDataKey(string MasterKeyId, byte[] Ciphertext);

/// <summary>
/// Wraps and unwraps data keys with a master key that never leaves this service. <see cref="ConfiguredMasterKeys"/>
/// holds the master keys in configuration; a cloud key service (AWS KMS Encrypt/Decrypt, Azure Key Vault
/// wrapKey/unwrapKey, Google Cloud KMS) implements the same two calls with the key held in the service, and is
/// registered in its place (docs/security.md, "Personal data"). The subject id is bound to the wrapping, so a
/// wrapped key copied onto another subject's record does not unwrap.
/// </summary>
public interface IMasterKeyService
{
    /// <summary>The master key new wraps use.</summary>
    string ActiveMasterKeyId { get; }

    ValueTask<WrappedDataKey> WrapAsync(Guid subjectId, byte[] dataKey, CancellationToken cancellation);

    ValueTask<byte[]> UnwrapAsync(Guid subjectId, WrappedDataKey wrapped, CancellationToken cancellation);
}
