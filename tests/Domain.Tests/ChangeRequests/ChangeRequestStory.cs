using SolarEvents.Domain.ChangeRequests;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.ChangeRequests;

public static class ChangeRequestStory
{
    public static readonly Guid RequestId = Id(40);
    public static readonly Guid Agent = Id(41);
    public static readonly Guid Colleague = Id(42);
    public static readonly Guid OrderId = Id(43);
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(2);
    public static readonly DateTimeOffset ExpiresAt = Now.AddDays(-1) + ValidFor;

    public static ChangeRequestOpened Opened(params ChangeCategory[] categories) =>
        new(RequestId, Agent, OrderId, categories, "Customer called about the date", "CALL-1234", Now.AddDays(-1), ExpiresAt);

    public static ChangeRequestApproved Approved => new(RequestId, Colleague, "Checked with the customer", Now.AddHours(-1));

    public static ChangeRequestRejected Rejected => new(RequestId, Colleague, "Not justified", Now.AddHours(-1));

    public static ChangeRequestClosed Closed => new(RequestId, Agent, "Done", Now.AddMinutes(-5));

    public static ChangeRequestExpired Expired => new(RequestId, ExpiresAt);

    public static ChangeRequest Given(ChangeCategory category, params object[] events) =>
        ChangeRequestHistory.Rebuild([Opened(category), .. events]);

    public static ChangeRequest Given(ChangeCategory[] categories, params object[] events) =>
        ChangeRequestHistory.Rebuild([Opened(categories), .. events]);
}
