namespace SolarEvents.Application.Identity.PersonalData;

/// <summary>
/// The seam where personal fields (name, phone, address) become opaque before they reach a command or an
/// event. The personal-data work replaces the registration below with per-customer AES-GCM encryption;
/// handlers call only this interface.
/// </summary>
public interface IPersonalDataProtector
{
    string Protect(Guid customerId, string plaintext);
}

/// <summary>
/// NOT ENCRYPTION. Returns the text unchanged, so registration works end to end before the key service
/// exists. Registered in IdentityServices; must be replaced before personal data is stored for real.
/// </summary>
public sealed class PassThroughPersonalDataProtector : IPersonalDataProtector
{
    public string Protect(Guid customerId, string plaintext) => plaintext;
}
