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
public sealed record SystemConfiguration(int PanelCount, string PanelModel, string InverterModel, bool WithBattery);

public sealed record QuoteRequested(
    Guid OrderId,
    Guid CustomerId,
    InstallationSite Site,
    RoofType Roof,
    decimal EstimatedKwp,
    SystemConfiguration System,
    DateTimeOffset RequestedAt);
