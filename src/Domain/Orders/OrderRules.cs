using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

/// <summary>The stable codes of every rule an order decision can refuse with (they become problem types).</summary>
public static class OrderRules
{
    // Sequence: each step needs the one before it, and cannot be repeated once passed.
    public const string OrderIsCancelled = "order-cancelled";
    public const string SurveyNotScheduled = "survey-not-scheduled";
    public const string SurveyAlreadyCompleted = "survey-already-completed";
    public const string SurveyNotCompleted = "survey-not-completed";
    public const string QuoteNotIssued = "quote-not-issued";
    public const string QuoteNotAccepted = "quote-not-accepted";
    public const string QuoteAlreadyAccepted = "quote-already-accepted";
    public const string InstallationNotScheduled = "installation-not-scheduled";
    public const string InstallationAlreadyScheduled = "installation-already-scheduled";
    public const string NotInstalled = "not-installed";
    public const string AlreadyInstalled = "already-installed";
    public const string GridConnectionNotApproved = "grid-connection-not-approved";
    public const string GridConnectionAlreadyApproved = "grid-connection-already-approved";
    public const string AlreadyActivated = "already-activated";

    // Quotes.
    public const string QuoteExpired = "quote-expired";
    public const string QuoteSuperseded = "quote-superseded";
    public const string QuoteWithoutLines = "quote-without-lines";
    public const string QuoteTotalNotPositive = "quote-total-not-positive";
    public const string QuoteValidityInPast = "quote-validity-in-past";

    // Dates and the system.
    public const string DateInPast = "date-in-past";
    public const string InstallationWindowInvalid = "installation-window-invalid";
    public const string InstallationWindowUnchanged = "installation-window-unchanged";
    public const string SystemConfigurationInvalid = "system-configuration-invalid";
    public const string SystemConfigurationUnchanged = "system-configuration-unchanged";
    public const string SystemSizeNotPositive = "system-size-not-positive";

    // Who may act on the order.
    public const string OrderNotOwned = "order-not-owned";
    public const string CancelNeedsSupport = "cancel-needs-support";
    public const string CancelAfterPaymentNeedsSupport = "cancel-after-payment-needs-support";

    // Money (besides the shared MoneyRules).
    public const string CancelAfterInstallation = "cancel-after-installation";
    public const string CancellationNeedsRefundDecision = "cancellation-needs-refund-decision";
    public const string RefundDueInvalid = "refund-due-invalid";
    public const string RefundExceedsPaid = "refund-exceeds-paid";
    public const string PaymentAlreadyRecorded = "payment-already-recorded";
    public const string PriceAdjustmentZero = "price-adjustment-zero";
    public const string PriceTotalNegative = "price-total-negative";

    private static readonly Dictionary<string, string> Details = new()
    {
        [OrderIsCancelled] = "The order is cancelled.",
        [SurveyNotScheduled] = "The site survey has not been scheduled yet.",
        [SurveyAlreadyCompleted] = "The site survey has already been completed.",
        [SurveyNotCompleted] = "A quote needs a completed site survey.",
        [QuoteNotIssued] = "No quote has been issued for this order yet.",
        [QuoteNotAccepted] = "The quote has not been accepted yet.",
        [QuoteAlreadyAccepted] = "The quote has already been accepted.",
        [InstallationNotScheduled] = "The installation has not been scheduled yet.",
        [InstallationAlreadyScheduled] = "The installation is already scheduled; reschedule it instead.",
        [NotInstalled] = "The system has not been installed yet.",
        [AlreadyInstalled] = "The system has already been installed.",
        [GridConnectionNotApproved] = "The grid connection has not been approved yet.",
        [GridConnectionAlreadyApproved] = "The grid connection has already been approved.",
        [AlreadyActivated] = "The system is already active.",
        [QuoteExpired] = "The quote has expired.",
        [QuoteSuperseded] = "A newer quote has replaced the one being accepted.",
        [QuoteWithoutLines] = "A quote needs at least one price line.",
        [QuoteTotalNotPositive] = "A quote's total must be positive.",
        [QuoteValidityInPast] = "A quote must be valid until a future moment.",
        [DateInPast] = "The date must be in the future.",
        [InstallationWindowInvalid] = "An installation window must not end before it starts.",
        [InstallationWindowUnchanged] = "The installation is already scheduled for that window.",
        [SystemConfigurationInvalid] = "A system needs at least one panel, a panel model and an inverter model.",
        [SystemConfigurationUnchanged] = "The order already has that system configuration.",
        [SystemSizeNotPositive] = "The system size in kWp must be positive.",
        [OrderNotOwned] = "The order belongs to another customer.",
        [CancelNeedsSupport] = "Once an installation is scheduled, cancelling goes through support.",
        [CancelAfterPaymentNeedsSupport] = "Money has been paid: a refund decision is support's, so cancelling goes through support.",
        [CancelAfterInstallation] = "An installed system cannot be cancelled.",
        [CancellationNeedsRefundDecision] = "Money has been paid: the cancellation must say how much is refunded.",
        [RefundDueInvalid] = "The refund due cannot be negative.",
        [RefundExceedsPaid] = "Refunds cannot exceed what was paid.",
        [PaymentAlreadyRecorded] = "The payment provider's event has already been recorded on this order.",
        [PriceAdjustmentZero] = "A price adjustment must change the price.",
        [PriceTotalNegative] = "The adjustment would make the order's total negative.",
        [MoneyRules.CurrencyInvalid] = "The currency must be an ISO 4217 code.",
        [MoneyRules.CurrencyMismatch] = "The amount must be in the order's currency.",
        [MoneyRules.AmountNotPositive] = "The amount must be positive.",
    };

    internal static Decision Refuse(string code) => Decision.Reject(code, Details[code]);
}
