using CsCheck;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.ChangeRequests.ChangeRequestStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.ChangeRequests;

public class change_request_properties
{
    private sealed record Move(int Command, int Who, ChangeCategory Category, int HoursLater);

    private static readonly Gen<Move> Moves = Gen.Select(
        Gen.Int[0, 6], Gen.Int[0, 2], Gen.Enum<ChangeCategory>(), Gen.Int[0, 12], (c, w, k, h) => new Move(c, w, k, h));

    private static readonly Gen<ChangeCategory[]> Categories = Gen.Enum<ChangeCategory>().Array[1, 4];

    [Fact]
    public void random_use_never_bypasses_approval_ownership_target_or_expiry_and_replays_to_the_same_state()
    {
        Gen.Select(Categories, Moves.Array[1, 30]).Sample((categories, moves) =>
        {
            var replay = new Replay<ChangeRequest>(ChangeRequestHistory.Evolve);
            var now = Now;
            replay.Run(ChangeRequest.Open(new(RequestId, Agent, OrderId, categories, "why", "CALL-1", TimeSpan.FromDays(2)), now));
            foreach (var move in moves)
            {
                now = now.AddHours(move.HoursLater);
                var before = replay.State!;
                var decision = replay.Run(Decide(before, move, now));
                AssertValid(before, replay.State!, move, decision, now);
            }

            Assert.Equal(replay.State, ChangeRequestHistory.Rebuild(EventJson.RoundTrip(replay.Events)));
        }, iter: 2000);
    }

    private static Guid Person(int who) => who switch { 0 => Agent, 1 => Colleague, _ => Id(77) };

    private static Decision Decide(ChangeRequest request, Move move, DateTimeOffset now) => move.Command switch
    {
        0 => ChangeRequest.Approve(request, new(RequestId, Person(move.Who), "ok"), now),
        1 => ChangeRequest.Reject(request, new(RequestId, Person(move.Who), "no"), now),
        2 or 3 => ChangeRequest.Authorize(request, Person(move.Who), move.Who == 2 ? Id(88) : OrderId, move.Category, now),
        4 => ChangeRequest.RecordAppliedChanges(request, new(RequestId, OrderId, ["order.price_adjusted.v1"], 3), now),
        5 => ChangeRequest.Close(request, new(RequestId, Person(move.Who), "done"), now),
        _ => ChangeRequest.Expire(request, new(RequestId), now),
    };

    private static void AssertValid(ChangeRequest before, ChangeRequest after, Move move, Decision decision, DateTimeOffset now)
    {
        if (!before.IsOpen) Assert.Equal(before.Status, after.Status);
        if (after.Status == ChangeRequestStatus.Approved && before.Status != ChangeRequestStatus.Approved)
            Assert.Equal(ChangeRequestStatus.Open, before.Status);
        foreach (var e in decision.Events)
        {
            if (e is ChangeRequestApproved approved) Assert.NotEqual(before.OpenedBy, approved.ApprovedBy);
            if (e is ChangeRequestRejected rejected) Assert.NotEqual(before.OpenedBy, rejected.RejectedBy);
        }

        if (move.Command is 2 or 3 && decision.IsAccepted)
        {
            Assert.True(before.IsOpen && now < before.ExpiresAt, "used while not open");
            if (move.Category.IsMadeByOpener()) Assert.Equal(before.OpenedBy, Person(move.Who));
            else Assert.NotEqual(before.OpenedBy, Person(move.Who));
            Assert.Equal(before.TargetStreamId, OrderId);
            Assert.True(before.Categories.Contains(move.Category), "used outside its categories");
            if (move.Category.IsSensitive()) Assert.Equal(ChangeRequestStatus.Approved, before.Status);
        }
    }
}
