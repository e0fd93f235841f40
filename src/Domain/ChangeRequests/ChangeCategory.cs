namespace SolarEvents.Domain.ChangeRequests;

/// <summary>What a change request allows. Values are stored in events by name (string enum converters) or
/// number; either way, append new categories at the end and never renumber.</summary>
public enum ChangeCategory
{
    Reschedule = 0,
    ChangeSystemConfiguration = 1,
    PriceIncrease = 2,
    PriceReduction = 3,
    CancelOrder = 4,
    Refund = 5,
    UpdateContactDetails = 6,
    SuspendAccount = 7,
    ReactivateAccount = 8,
    BreakGlassAccess = 9,
    ErasePersonalData = 10,
}

public static class ChangeCategories
{
    /// <summary>Sensitive categories move money to the customer, lock them out, or expose their personal
    /// data, so a second person must approve the request before it can be used.</summary>
    public static bool IsSensitive(this ChangeCategory category) => category is
        ChangeCategory.PriceReduction or
        ChangeCategory.Refund or
        ChangeCategory.SuspendAccount or
        ChangeCategory.BreakGlassAccess or
        ChangeCategory.ErasePersonalData;

    /// <summary>An agent makes the changes their own request allows, except erasure: that is carried out by
    /// Compliance or an Admin, never by the agent who asked for it.</summary>
    public static bool IsMadeByOpener(this ChangeCategory category) => category != ChangeCategory.ErasePersonalData;
}
