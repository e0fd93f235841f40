using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.ChangeRequests.ChangeRequestStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.ChangeRequests;

public class opening_and_deciding_requests
{
    private static readonly OpenChangeRequest Open =
        new(RequestId, Agent, OrderId, [ChangeCategory.Reschedule], "Customer called", "CALL-1", ValidFor);

    [Fact]
    public void opening_records_target_categories_reason_contact_and_expiry() =>
        Expect.Events(
            ChangeRequest.Open(Open, Now),
            new ChangeRequestOpened(
                RequestId, Agent, OrderId, [ChangeCategory.Reschedule], "Customer called", "CALL-1", Now, Now + ValidFor));

    [Fact]
    public void a_category_named_twice_is_recorded_once()
    {
        var decision = ChangeRequest.Open(Open with { Categories = [ChangeCategory.Refund, ChangeCategory.Refund] }, Now);
        var opened = Assert.IsType<ChangeRequestOpened>(Assert.Single(decision.Events));
        Assert.Equal([ChangeCategory.Refund], opened.Categories);
    }

    [Fact]
    public void a_request_without_category_is_refused() =>
        Expect.Refused(ChangeRequest.Open(Open with { Categories = [] }, Now), ChangeRequestRules.RequestWithoutCategory);

    [Fact]
    public void a_request_without_reason_is_refused() =>
        Expect.Refused(ChangeRequest.Open(Open with { Reason = " " }, Now), ChangeRequestRules.RequestReasonMissing);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31 * 24)]
    public void a_request_valid_for_no_time_or_too_long_is_refused(int hours) =>
        Expect.Refused(
            ChangeRequest.Open(Open with { ValidFor = TimeSpan.FromHours(hours) }, Now),
            ChangeRequestRules.RequestValidityInvalid);

    [Fact]
    public void a_colleague_approves() =>
        Expect.Events(
            ChangeRequest.Approve(Given(ChangeCategory.Refund), new(RequestId, Colleague, "ok"), Now),
            new ChangeRequestApproved(RequestId, Colleague, "ok", Now));

    [Fact]
    public void a_colleague_rejects() =>
        Expect.Events(
            ChangeRequest.Reject(Given(ChangeCategory.Refund), new(RequestId, Colleague, "No grounds"), Now),
            new ChangeRequestRejected(RequestId, Colleague, "No grounds", Now));

    [Fact]
    public void approving_ones_own_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Approve(Given(ChangeCategory.Refund), new(RequestId, Agent, "ok"), Now),
            ChangeRequestRules.RequestSelfApproval);

    [Fact]
    public void rejecting_ones_own_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Reject(Given(ChangeCategory.Refund), new(RequestId, Agent, "no"), Now),
            ChangeRequestRules.RequestSelfApproval);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void a_request_is_approved_or_rejected_once(bool wasApproved)
    {
        var decided = Given(ChangeCategory.Refund, wasApproved ? Approved : Rejected);
        Expect.Refused(ChangeRequest.Approve(decided, new(RequestId, Id(50), "ok"), Now), ChangeRequestRules.RequestAlreadyDecided);
        Expect.Refused(ChangeRequest.Reject(decided, new(RequestId, Id(50), "no"), Now), ChangeRequestRules.RequestAlreadyDecided);
    }

    [Fact]
    public void approving_after_the_expiry_time_is_refused() =>
        Expect.Refused(
            ChangeRequest.Approve(Given(ChangeCategory.Refund), new(RequestId, Colleague, "ok"), ExpiresAt),
            ChangeRequestRules.RequestExpired);

    [Fact]
    public void approving_a_closed_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Approve(Given(ChangeCategory.Refund, Closed), new(RequestId, Colleague, "ok"), Now),
            ChangeRequestRules.RequestNotOpen);

    [Fact]
    public void recording_applied_changes_links_the_events() =>
        Expect.Events(
            ChangeRequest.RecordAppliedChanges(
                Given(ChangeCategory.Reschedule), new(RequestId, OrderId, ["order.installation_rescheduled.v1"], 7), Now),
            new ChangeRequestChangesApplied(RequestId, OrderId, ["order.installation_rescheduled.v1"], 7, Now));

    [Fact]
    public void recording_changes_to_another_stream_is_refused() =>
        Expect.Refused(
            ChangeRequest.RecordAppliedChanges(Given(ChangeCategory.Reschedule), new(RequestId, Id(99), ["x"], 1), Now),
            ChangeRequestRules.RequestWrongTarget);

    [Fact]
    public void recording_no_changes_is_refused() =>
        Expect.Refused(
            ChangeRequest.RecordAppliedChanges(Given(ChangeCategory.Reschedule), new(RequestId, OrderId, [], 1), Now),
            ChangeRequestRules.RequestNoChanges);

    [Fact]
    public void recording_changes_on_a_closed_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.RecordAppliedChanges(Given(ChangeCategory.Reschedule, Closed), new(RequestId, OrderId, ["x"], 1), Now),
            ChangeRequestRules.RequestNotOpen);

    [Fact]
    public void closing_an_open_request() =>
        Expect.Events(
            ChangeRequest.Close(Given(ChangeCategory.Reschedule), new(RequestId, Agent, "Done"), Now),
            new ChangeRequestClosed(RequestId, Agent, "Done", Now));

    [Theory]
    [InlineData("closed")]
    [InlineData("rejected")]
    [InlineData("expired")]
    public void closing_an_ended_request_is_refused(string ending)
    {
        object ended = ending switch { "closed" => Closed, "rejected" => Rejected, _ => Expired };
        Expect.Refused(
            ChangeRequest.Close(Given(ChangeCategory.Reschedule, ended), new(RequestId, Agent, "Done"), Now),
            ChangeRequestRules.RequestNotOpen);
    }

    [Fact]
    public void an_unused_request_expires_at_its_expiry_time() =>
        Expect.Events(
            ChangeRequest.Expire(Given(ChangeCategory.Reschedule, Approved), new(RequestId), ExpiresAt),
            new ChangeRequestExpired(RequestId, ExpiresAt));

    [Fact]
    public void expiring_before_the_expiry_time_is_refused() =>
        Expect.Refused(
            ChangeRequest.Expire(Given(ChangeCategory.Reschedule), new(RequestId), ExpiresAt.AddTicks(-1)),
            ChangeRequestRules.RequestNotYetExpired);

    [Fact]
    public void expiring_a_closed_request_is_refused() =>
        Expect.Refused(
            ChangeRequest.Expire(Given(ChangeCategory.Reschedule, Closed), new(RequestId), ExpiresAt),
            ChangeRequestRules.RequestNotOpen);
}
