using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

// Changes to an order after the fact. When support makes them, ChangeRequestId names the request that
// allowed it; a customer acting on their own order leaves it null.

public sealed record InstallationRescheduled(
    Guid OrderId,
    InstallationWindow From,
    InstallationWindow To,
    string Reason,
    Guid? ChangeRequestId,
    DateTimeOffset RescheduledAt);

public sealed record SystemConfigurationChanged(
    Guid OrderId,
    SystemConfiguration From,
    SystemConfiguration To,
    string Reason,
    Guid? ChangeRequestId,
    DateTimeOffset ChangedAt);

/// <summary><paramref name="Adjustment"/> is signed: positive raises the price, negative reduces it.</summary>
public sealed record PriceAdjusted(
    Guid OrderId,
    Money Adjustment,
    Money NewTotal,
    string Reason,
    Guid? ChangeRequestId,
    DateTimeOffset AdjustedAt);

/// <summary>
/// <paramref name="RefundDue"/> is the refund decision taken with the cancellation: null when nothing had
/// been paid, otherwise how much of the money received goes back (zero means it is kept). The money itself
/// moves later, as <see cref="PaymentRefunded"/>.
/// </summary>
public sealed record OrderCancelled(
    Guid OrderId,
    string Reason,
    Money? RefundDue,
    Guid? ChangeRequestId,
    DateTimeOffset CancelledAt);

/// <summary>Version 2: money the payment provider reports, with the kind of payment, the provider's id of the
/// event that reported it (recorded once per order) and when it was paid. Version 1 (<see cref="PaymentRecordedV1"/>)
/// is upcast on read.</summary>
public sealed record PaymentRecorded(
    Guid OrderId,
    Money Amount,
    PaymentKind Kind,
    string ProviderEventId,
    DateTimeOffset PaidAt,
    DateTimeOffset RecordedAt);

/// <summary>Recorded with the <see cref="PaymentRecorded"/> it flags: <paramref name="Excess"/> of that payment went
/// beyond what the order still owed. The money is kept on record; support decides what happens to it.</summary>
public sealed record PaymentExceededBalance(Guid OrderId, Money Excess, string ProviderEventId, DateTimeOffset FlaggedAt);

public sealed record PaymentRefunded(
    Guid OrderId,
    Money Amount,
    string Reason,
    Guid? ChangeRequestId,
    DateTimeOffset RefundedAt);
