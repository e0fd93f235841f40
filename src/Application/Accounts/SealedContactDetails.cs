using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Accounts;

/// <summary>New phone and address as the domain receives them: sealed with the customer's key, the phone with its
/// blind index. One place for both the customer's own change and support's amendment.</summary>
public static class SealedContactDetails
{
    public static ChangeContactDetails Of(DataKey key, BlindIndex blindIndex, string phone, string address, Guid? changeRequestId) =>
        new(key.SubjectId, key.Seal(phone), blindIndex.OfPhone(phone), key.Seal(address), changeRequestId);
}
