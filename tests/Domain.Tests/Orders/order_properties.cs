using CsCheck;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>Random command sequences against one order: whatever gets accepted, the order stays valid,
/// and its stored events rebuild it exactly.</summary>
public class order_properties
{
    /// <summary>One random step: which command, a number shaping its arguments (sometimes invalid on
    /// purpose), and how many hours pass before it.</summary>
    private sealed record Move(int Command, int N, int HoursLater);

    private static readonly Gen<Move> Moves =
        Gen.Select(Gen.Int[0, 13], Gen.Int[-2, 30], Gen.Int[0, 60], (c, n, h) => new Move(c, n, h));

    private static int _activated;
    private static int _refunded;
    private static int _overpaid;

    [Fact]
    public void random_command_sequences_never_reach_an_invalid_order_and_replay_to_the_same_state()
    {
        Moves.Array[1, 60].Sample(steps =>
        {
            var replay = new Replay<Order>(OrderHistory.Evolve);
            var now = Now;
            replay.Run(Order.RequestQuote(OrderStory.Request, now));
            for (var i = 0; i < steps.Length; i++)
            {
                now = now.AddHours(steps[i].HoursLater);
                var before = replay.State!;
                var decision = replay.Run(Decide(before, steps[i], i, now));
                AssertValidTransition(before, replay.State!);
                if (IsCustomerCancellation(steps[i]) && decision.IsAccepted)
                {
                    Assert.True(before.Status < OrderStatus.InstallationScheduled && before.NetPaid == 0, "a customer cancelled what only support may");
                }
            }

            var state = replay.State!;
            Assert.Equal(state, OrderHistory.Rebuild(EventJson.RoundTrip(replay.Events)));
            // Each provider event is recorded once, and every excess flagged belongs to a payment recorded.
            Assert.Equal(replay.Events.OfType<PaymentRecorded>().Count(), state.PaymentProviderEventIds.Count);
            Assert.InRange(state.Overpaid, 0m, state.Paid);
            if (state.Status == OrderStatus.Activated) Interlocked.Increment(ref _activated);
            if (state.Refunded > 0) Interlocked.Increment(ref _refunded);
            if (state.Overpaid > 0) Interlocked.Increment(ref _overpaid);
        }, iter: 3000);

        // Guards against a generator that never gets far enough to test anything.
        Assert.True(_activated > 0, "no sequence reached activation");
        Assert.True(_refunded > 0, "no sequence refunded anything");
        Assert.True(_overpaid > 0, "no sequence overpaid");
    }

    private static Decision Decide(Order order, Move step, int index, DateTimeOffset now)
    {
        var id = order.Id;
        var n = step.N;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var eur = (decimal amount) => new Money(amount, "EUR");
        return step.Command switch
        {
            0 => Order.ScheduleSiteSurvey(order, new(id, now.AddHours(n), n % 2 == 0 ? Id(500 + n) : null), now),
            1 => Order.CompleteSiteSurvey(order, new(id, "findings", n / 2m), now),
            2 => Order.IssueQuote(order, new(
                id,
                Id(1000 + index),
                n == -2 ? [new("Discount", -100m)] : [new("System", 5000m + (n * 100m)), new("Discount", -n * 50m)],
                n switch { 29 => "usd", 30 => "USD", _ => "EUR" },
                now.AddDays(n)), now),
            3 => Order.AcceptQuote(order, new(id, n == 0 ? Id(999) : order.Quote?.QuoteId ?? Id(998)), now),
            4 => Order.ScheduleInstallation(order, new(id, new(today.AddDays(n), today.AddDays(n + 2)), null), now),
            5 => Order.RescheduleInstallation(order, new(id, new(today.AddDays(n), today.AddDays(n + (n % 3))), "r", null), now),
            6 => Order.RecordInstallation(order, new(id), now),
            7 => Order.ApproveGridConnection(order, new(id, "GRID"), now),
            8 => Order.ActivateSystem(order, new(id), now),
            // Sometimes a provider event the order may already have: a report delivered twice.
            9 => Order.RecordPayment(
                order, new(id, eur(n * 250m), (PaymentKind)(Math.Abs(n) % 3), n % 4 == 0 ? "PSP-again" : $"PSP-{index}", now), now),
            10 => Order.RefundPayment(order, new(id, eur(n * 100m), "r", null), now),
            11 => Order.ChangeSystemConfiguration(order, new(id, order.System with { PanelCount = n }, "r", null), now),
            12 => Order.AdjustPrice(order, new(id, eur((n - 10) * 300m), "r", null), now),
            // Cancellations, as often as any other step: a third by the customer (sometimes the wrong one), the rest by support.
            _ when IsCustomerCancellation(step) => Order.CancelOwnOrder(order, new(id, n == 0 ? Id(999) : order.CustomerId, "r"), now),
            _ => Order.CancelOrder(order, new(id, "r", n < 0 ? null : n * 100m, null), now),
        };
    }

    private static bool IsCustomerCancellation(Move step) => step.Command == 13 && step.N % 3 == 0;

    private static void AssertValidTransition(Order before, Order after)
    {
        Assert.InRange(after.Refunded, 0m, after.Paid);
        Assert.True(after.Total >= 0, "the total went negative");
        if (after.Status is >= OrderStatus.QuoteIssued and not OrderStatus.Cancelled) Assert.NotNull(after.Quote);
        if (after.Status is >= OrderStatus.InstallationScheduled and not OrderStatus.Cancelled) Assert.NotNull(after.Window);
        if (before.Status == OrderStatus.Cancelled)
        {
            Assert.Equal(OrderStatus.Cancelled, after.Status);
            return;
        }

        var allowed = after.Status == before.Status
            || (int)after.Status == (int)before.Status + 1
            || (after.Status == OrderStatus.Cancelled && before.Status < OrderStatus.Installed);
        Assert.True(allowed, $"{before.Status} -> {after.Status} is out of order");
    }
}
