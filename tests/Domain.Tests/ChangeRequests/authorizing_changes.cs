using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.ChangeRequests.ChangeRequestStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.ChangeRequests;

public class authorizing_changes
{
    private static readonly ChangeCategory[] Sensitive =
        [ChangeCategory.PriceReduction, ChangeCategory.Refund, ChangeCategory.SuspendAccount, ChangeCategory.BreakGlassAccess,
         ChangeCategory.ErasePersonalData];

    public static TheoryData<ChangeCategory> SensitiveCategories => [.. Sensitive];

    public static TheoryData<ChangeCategory> OrdinaryCategories => [.. Enum.GetValues<ChangeCategory>().Except(Sensitive)];

    [Theory]
    [MemberData(nameof(OrdinaryCategories))]
    public void an_open_request_authorizes_its_opener_for_an_ordinary_change_on_its_target(ChangeCategory category)
    {
        var decision = ChangeRequest.Authorize(Given(category), Agent, OrderId, category, Now);
        Expect.Accepted(decision);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [MemberData(nameof(SensitiveCategories))]
    public void a_sensitive_change_without_approval_is_refused(ChangeCategory category) =>
        Expect.Refused(ChangeRequest.Authorize(Given(category), MakerOf(category), OrderId, category, Now), ChangeRequestRules.RequestNotApproved);

    [Theory]
    [MemberData(nameof(SensitiveCategories))]
    public void a_sensitive_change_under_an_approved_request_is_authorized(ChangeCategory category) =>
        Expect.Accepted(ChangeRequest.Authorize(Given(category, Approved), MakerOf(category), OrderId, category, Now));

    [Fact]
    public void the_agent_who_asked_for_an_erasure_cannot_carry_it_out() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.ErasePersonalData, Approved), Agent, OrderId, ChangeCategory.ErasePersonalData, Now),
            ChangeRequestRules.RequestSelfExecution);

    /// <summary>The opener makes every change but erasure, which Compliance or an Admin carries out.</summary>
    private static Guid MakerOf(ChangeCategory category) => category.IsMadeByOpener() ? Agent : Id(42);

    [Fact]
    public void a_request_for_another_stream_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule), Agent, Id(99), ChangeCategory.Reschedule, Now),
            ChangeRequestRules.RequestWrongTarget);

    [Fact]
    public void a_change_the_request_does_not_cover_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule), Agent, OrderId, ChangeCategory.CancelOrder, Now),
            ChangeRequestRules.RequestCategoryNotCovered);

    [Fact]
    public void a_request_covering_several_categories_authorizes_each()
    {
        var request = Given([ChangeCategory.Reschedule, ChangeCategory.PriceIncrease]);
        Expect.Accepted(ChangeRequest.Authorize(request, Agent, OrderId, ChangeCategory.Reschedule, Now));
        Expect.Accepted(ChangeRequest.Authorize(request, Agent, OrderId, ChangeCategory.PriceIncrease, Now));
    }

    [Fact]
    public void someone_else_using_the_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule), Colleague, OrderId, ChangeCategory.Reschedule, Now),
            ChangeRequestRules.RequestNotOwned);

    [Fact]
    public void a_request_past_its_expiry_time_is_refused_even_before_it_is_marked_expired() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Refund, Approved), Agent, OrderId, ChangeCategory.Refund, ExpiresAt),
            ChangeRequestRules.RequestExpired);

    [Fact]
    public void an_expired_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule, Expired), Agent, OrderId, ChangeCategory.Reschedule, Now),
            ChangeRequestRules.RequestExpired);

    [Fact]
    public void a_closed_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule, Closed), Agent, OrderId, ChangeCategory.Reschedule, Now),
            ChangeRequestRules.RequestNotOpen);

    [Fact]
    public void a_rejected_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Authorize(Given(ChangeCategory.Reschedule, Rejected), Agent, OrderId, ChangeCategory.Reschedule, Now),
            ChangeRequestRules.RequestNotOpen);

    [Fact]
    public void exactly_price_reductions_refunds_suspensions_break_glass_and_erasure_are_sensitive() =>
        Assert.Equal(Sensitive, Enum.GetValues<ChangeCategory>().Where(c => c.IsSensitive()));
}
