using System.Security.Cryptography;

namespace SolarEvents.Application.Compliance.Digests;

/// <summary>Configuration section "Compliance:Signing": the digest signing key, a PKCS#8 PEM of an ECDSA P-256
/// private key, supplied by environment or secret store and never committed nor stored in the database.</summary>
public sealed class DigestSigningOptions
{
    public const string Section = "Compliance:Signing";

    public string? PrivateKeyPem { get; set; }
}

public static class DigestKeys
{
    /// <summary>The first 16 hex digits of SHA-256 over the public key (SubjectPublicKeyInfo): names a key in digests.</summary>
    public static string KeyId(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public static ECDsa FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException("The digest key must be an ECDSA P-256 key.");
        }

        return key;
    }

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();
}
