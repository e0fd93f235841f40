using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

/// <summary>
/// The first shape of <see cref="PaymentRecorded"/>, stored as <c>order.payment_recorded.v1</c> when payments were
/// entered with a free payment reference. Kept only so old streams can be read; nothing emits it any more.
/// </summary>
public sealed record PaymentRecordedV1(Guid OrderId, Money Amount, string PaymentReference, DateTimeOffset RecordedAt);

public static class PaymentRecordedUpcaster
{
    /// <summary>What the payment was for is unknown (<see cref="PaymentKind.Other"/>); the payment reference stands in
    /// for the provider's event id, and the payment counts as paid when it was recorded.</summary>
    public static PaymentRecorded Upcast(PaymentRecordedV1 old) =>
        new(old.OrderId, old.Amount, PaymentKind.Other, old.PaymentReference, PaidAt: old.RecordedAt, old.RecordedAt);
}
