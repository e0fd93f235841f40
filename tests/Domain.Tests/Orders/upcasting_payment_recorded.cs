using System.Text.Json;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Orders.OrderStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>payment_recorded v1 held a free payment reference; v2 holds the kind, the payment provider's event id
/// and when the money was paid.</summary>
public class upcasting_payment_recorded
{
    private static readonly PaymentRecordedV1 Old = new(OrderId, Eur(2000m), "BANK-2026-0042", Now.AddDays(-3));

    [Fact]
    public void a_v1_event_becomes_v2_of_kind_other_keyed_by_its_reference_and_paid_when_recorded() =>
        Assert.Equal(
            new PaymentRecorded(OrderId, Eur(2000m), PaymentKind.Other, "BANK-2026-0042", Now.AddDays(-3), Now.AddDays(-3)),
            PaymentRecordedUpcaster.Upcast(Old));

    [Fact]
    public void the_catalog_reads_the_v1_name_through_the_upcaster()
    {
        var superseded = Assert.Single(EventCatalog.Superseded, e => e.Name == "order.payment_recorded.v1");

        Assert.Equal(typeof(PaymentRecordedV1), superseded.OldType);
        Assert.Equal("order.payment_recorded.v2", EventCatalog.NameOf(superseded.NewType));
        Assert.Equal(PaymentRecordedUpcaster.Upcast(Old), superseded.Upcast(Old));
    }

    [Fact]
    public void v1_json_as_stored_before_the_change_still_reads()
    {
        const string storedJson = """
            {"OrderId":"00000001-0000-0000-0000-000000000000",
             "Amount":{"Amount":2000.50,"Currency":"EUR"},
             "PaymentReference":"PSP-7f3a-0001",
             "RecordedAt":"2026-02-27T09:00:00+00:00"}
            """;
        var old = JsonSerializer.Deserialize<PaymentRecordedV1>(storedJson)!;

        var upcast = PaymentRecordedUpcaster.Upcast(old);

        Assert.Equal(Eur(2000.50m), upcast.Amount);
        Assert.Equal(PaymentKind.Other, upcast.Kind);
        Assert.Equal("PSP-7f3a-0001", upcast.ProviderEventId);
        Assert.Equal(upcast.RecordedAt, upcast.PaidAt);
    }

    [Fact]
    public void an_order_rebuilt_from_v1_history_folds_to_the_same_state_as_from_v2_history()
    {
        var fromV1 = At(OrderStatus.QuoteAccepted, Old);
        var fromV2 = At(OrderStatus.QuoteAccepted, PaymentRecordedUpcaster.Upcast(Old));

        Assert.Equal(fromV2, fromV1);
        Assert.Equal(2000m, fromV1.Paid);
    }

    [Fact]
    public void a_v1_payment_reference_reported_again_by_the_provider_is_not_recorded_twice() =>
        Expect.Refused(
            Order.RecordPayment(
                At(OrderStatus.QuoteAccepted, Old),
                new RecordPayment(OrderId, Eur(2000m), PaymentKind.Deposit, "BANK-2026-0042", Now.AddDays(-3)),
                Now),
            OrderRules.PaymentAlreadyRecorded);
}
