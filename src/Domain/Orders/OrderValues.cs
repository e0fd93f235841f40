namespace SolarEvents.Domain.Orders;

public enum RoofType
{
    PitchedTile,
    PitchedMetal,
    Flat,
    GroundMount,
}

/// <summary>Where the installation goes. Postal code and city only: the street address is personal data
/// and belongs to the customer's account, not to the order's public trail.</summary>
public sealed record InstallationSite(string PostalCode, string City, string CountryCode);

/// <summary>The system a customer asks for or is sold.</summary>
public sealed record SystemConfiguration(int PanelCount, string PanelModel, string InverterModel, bool WithBattery)
{
    public bool IsComplete =>
        PanelCount > 0 && !string.IsNullOrWhiteSpace(PanelModel) && !string.IsNullOrWhiteSpace(InverterModel);
}

/// <summary>One line of a quote: <see cref="Amount"/> is what it adds to the total. A negative amount is a discount
/// line; the quote total must stay positive. Lines issued with a quantity and a unit price keep both (older quotes
/// have quantity 1 and no unit price).</summary>
public sealed record PriceLine(string Description, decimal Amount)
{
    public decimal Quantity { get; init; } = 1;

    public decimal? UnitPrice { get; init; }

    /// <summary>A line of <paramref name="quantity"/> × <paramref name="unitPrice"/>, rounded to the cent.</summary>
    public static PriceLine Of(string description, decimal quantity, decimal unitPrice) =>
        new(description, Math.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero)) { Quantity = quantity, UnitPrice = unitPrice };
}

/// <summary>The days the crew may come, both inclusive. Dates, not instants: customers book days.</summary>
public sealed record InstallationWindow(DateOnly From, DateOnly To)
{
    public bool IsOrdered => From <= To;
}

/// <summary>What a payment was for, as the payment provider reports it.</summary>
public enum PaymentKind
{
    Deposit,
    Final,
    Other,
}

/// <summary>What decisions need to remember about the quote currently on the table.</summary>
public sealed record OpenQuote(Guid QuoteId, string Currency, DateTimeOffset ValidUntil);
