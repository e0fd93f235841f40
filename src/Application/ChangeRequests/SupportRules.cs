using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.ChangeRequests;

/// <summary>
/// Refusals the application adds around the domain's <see cref="ChangeRequestRules"/>: things only a lookup can
/// tell (does the request or the target exist, what kind of stream is it), and a sharper code for a request that
/// is no longer open, so the agent learns whether it was closed, rejected or expired.
/// </summary>
public static class SupportRules
{
    public const string RequestUnknown = "request-unknown";
    public const string RequestClosed = "request-closed";
    public const string RequestRejected = "request-rejected";
    public const string TargetUnknown = "request-target-unknown";
    public const string CategoryNotApplicable = "request-category-not-applicable";
    public const string CloseNotOwned = "request-close-not-owned";

    private static readonly Dictionary<string, string> Details = new()
    {
        [RequestUnknown] = "No change request with that id exists.",
        [RequestClosed] = "The change request is closed.",
        [RequestRejected] = "The change request was rejected.",
        [TargetUnknown] = "No order or account with that id exists.",
        [CategoryNotApplicable] = "A requested category does not apply to this kind of target.",
        [CloseNotOwned] = "Only the employee who opened a change request closes it.",
    };

    public static DomainRuleViolatedException Violation(string code) => new(new DomainError(code, Details[code]));

    /// <summary>The domain says "not open"; say which way the request ended.</summary>
    public static Decision Sharpen(Decision decision, ChangeRequest request) =>
        decision.Error?.Code != ChangeRequestRules.RequestNotOpen
            ? decision
            : request.Status switch
            {
                ChangeRequestStatus.Closed => Refuse(RequestClosed),
                ChangeRequestStatus.Rejected => Refuse(RequestRejected),
                _ => decision,
            };

    private static Decision Refuse(string code) => Decision.Reject(code, Details[code]);
}
