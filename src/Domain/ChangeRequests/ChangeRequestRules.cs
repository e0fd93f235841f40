using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.ChangeRequests;

/// <summary>The stable codes of every rule a change-request decision can refuse with.</summary>
public static class ChangeRequestRules
{
    /// <summary>The longest a request may stay usable, whatever the configuration says.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(30);

    public const string RequestWithoutCategory = "request-without-category";
    public const string RequestReasonMissing = "request-reason-missing";
    public const string RequestValidityInvalid = "request-validity-invalid";
    public const string RequestNotOpen = "request-not-open";
    public const string RequestExpired = "request-expired";
    public const string RequestNotYetExpired = "request-not-yet-expired";
    public const string RequestAlreadyDecided = "request-already-decided";
    public const string RequestSelfApproval = "request-self-approval";
    public const string RequestNotOwned = "request-not-owned";
    public const string RequestSelfExecution = "request-self-execution";
    public const string RequestWrongTarget = "request-wrong-target";
    public const string RequestCategoryNotCovered = "request-category-not-covered";
    public const string RequestNotApproved = "request-not-approved";
    public const string RequestNoChanges = "request-no-changes";

    private static readonly Dictionary<string, string> Details = new()
    {
        [RequestWithoutCategory] = "A change request needs at least one category.",
        [RequestReasonMissing] = "A change request needs a reason.",
        [RequestValidityInvalid] = "A change request must be valid for a positive time of at most 30 days.",
        [RequestNotOpen] = "The change request is no longer open.",
        [RequestExpired] = "The change request has expired.",
        [RequestNotYetExpired] = "The change request has not reached its expiry time.",
        [RequestAlreadyDecided] = "The change request has already been approved or rejected.",
        [RequestSelfApproval] = "A change request cannot be approved or rejected by the employee who opened it.",
        [RequestNotOwned] = "A change request can only be used by the employee who opened it.",
        [RequestSelfExecution] = "This change must be carried out by someone other than the employee who requested it.",
        [RequestWrongTarget] = "The change request was opened for a different order or account.",
        [RequestCategoryNotCovered] = "The change request does not cover this kind of change.",
        [RequestNotApproved] = "This kind of change needs an approved change request.",
        [RequestNoChanges] = "No changes were given to record.",
    };

    internal static Decision Refuse(string code) => Decision.Reject(code, Details[code]);
}
