using System.Security.Cryptography;
using SolarEvents.Application.Compliance.Digests;

namespace SolarEvents.Api.Compliance;

/// <summary>The digest signing key from configuration (Compliance:Signing:PrivateKeyPem), if one is configured.</summary>
public sealed class DigestSigningKey(DigestSigningOptions? options) : IDisposable
{
    private readonly ECDsa? _key = options?.PrivateKeyPem is { Length: > 0 } pem ? DigestKeys.FromPem(pem) : null;

    public ECDsa? Key => _key;

    public string? PublicKeyPem => _key is null ? null : DigestKeys.PublicKeyPem(_key);

    public void Dispose() => _key?.Dispose();
}
