using SolarEvents.Domain.Accounts;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Accounts;

public static class AccountStory
{
    public static readonly Guid AccountId = Id(20);
    public static readonly Guid RequestId = Id(21);

    // Stand-ins for the encrypted envelopes the application puts in these fields.
    public const string Name = "enc:v1:name";
    public const string Phone = "enc:v1:phone";
    public const string Address = "enc:v1:address";
    public const string Email = "enc:v1:email";
    public const string EmailIndex = "email-index";
    public const string PhoneIndex = "phone-index";

    public static AccountRegistered Registered => new(AccountId, Email, EmailIndex, Name, Phone, PhoneIndex, Address, Now.AddDays(-10));

    public static AccountSuspended Suspended => new(AccountId, "Chargeback", RequestId, Now.AddDays(-2));

    public static AccountClosed Closed => new(AccountId, "Moved abroad", Now.AddDays(-1));

    public static AccountPersonalDataErased Erased => new(AccountId, Now.AddHours(-1));

    public static Account Given(params object[] events) => AccountHistory.Rebuild([Registered, .. events]);
}
