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

/// <summary>One line of a quote. A negative amount is a discount line; the quote total must stay positive.</summary>
public sealed record PriceLine(string Description, decimal Amount);

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
