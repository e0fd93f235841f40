namespace SolarEvents.Domain.Common;

/// <summary>Error codes shared by every decision that takes money.</summary>
public static class MoneyRules
{
    public const string CurrencyInvalid = "currency-invalid";
    public const string CurrencyMismatch = "currency-mismatch";
    public const string AmountNotPositive = "amount-not-positive";
}
