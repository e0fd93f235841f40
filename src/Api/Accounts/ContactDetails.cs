using SolarEvents.Application.PersonalData;

namespace SolarEvents.Api.Accounts;

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
