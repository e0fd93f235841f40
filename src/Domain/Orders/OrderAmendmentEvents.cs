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

public sealed record PaymentRecorded(Guid OrderId, Money Amount, string PaymentReference, DateTimeOffset RecordedAt);

public sealed record PaymentRefunded(
    Guid OrderId,
    Money Amount,
    string Reason,
    Guid? ChangeRequestId,
    DateTimeOffset RefundedAt);
