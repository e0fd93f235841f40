using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.Accounts;

namespace SolarEvents.Api.Accounts;

/// <summary>An account's personal fields in the clear: only for the customer themselves and for support agents
/// (whose every read is recorded). Null in responses when the data was erased.</summary>
public sealed record ContactDetails(string Email, string Name, string Phone, string Address)
{
    public static readonly string[] Fields = ["email", "name", "phone", "address"];

    /// <summary>Opens the row's envelopes with the customer's data key; null when the data was erased.</summary>
    public static async Task<ContactDetails?> RevealAsync(AccountView account, PersonalDataKeys keys, CancellationToken cancellation)
    {
        if (account.PersonalDataErased || account.Email is null) return null;
        var key = await keys.GetAsync(account.AccountId, cancellation);
        return new ContactDetails(key.Open(account.Email), Open(key, account.Name), Open(key, account.Phone), Open(key, account.Address));
    }

    private static string Open(DataKey key, string? envelope) => envelope is null ? "" : key.Open(envelope);
}

/// <summary>What Sales may see of a customer: enough to recognise a caller, not enough to contact or find them.</summary>
public static class Masking
{
    private const int VisibleDigits = 3;

    /// <summary>"+49 170 1234567" → "•••••••••567"; empty when there are too few digits to hide any.</summary>
    public static string Phone(string phone)
    {
        var digits = BlindIndex.NormalizePhone(phone);
        return digits.Length <= VisibleDigits ? "" : new string('•', digits.Length - VisibleDigits) + digits[^VisibleDigits..];
    }
}
