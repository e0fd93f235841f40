using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Domain.Accounts;

/// <summary>Which change-request category an account amendment falls under, for ChangeRequest.Authorize.</summary>
public static class AccountAmendments
{
    public static ChangeCategory CategoryOf(ChangeContactDetails command) => ChangeCategory.UpdateContactDetails;

    public static ChangeCategory CategoryOf(SuspendAccount command) => ChangeCategory.SuspendAccount;

    public static ChangeCategory CategoryOf(ReactivateAccount command) => ChangeCategory.ReactivateAccount;
}
