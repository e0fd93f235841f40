namespace SolarEvents.Domain.Common;

/// <summary>
/// An amount in an ISO 4217 currency. Decimal, never floating point, because prices and refunds must add up
/// to the cent. Arithmetic lives in the decisions that own the rule (e.g. "refunds never exceed what was paid"),
/// so this type only knows how to describe itself.
/// </summary>
public sealed record Money(decimal Amount, string Currency)
{
    /// <summary>Three upper-case ASCII letters. The domain checks the shape only; the list of currencies the
    /// company actually trades in is configuration, not a business invariant.</summary>
    public static bool IsIsoCurrencyCode(string? currency) =>
        currency is { Length: 3 } && currency.All(c => c is >= 'A' and <= 'Z');

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}
