using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Orders;

public enum OrderStatus
{
    QuoteRequested,
}

/// <summary>One solar installation, as far as decisions about it need to know.</summary>
public sealed record Order(Guid Id, Guid CustomerId, OrderStatus Status, SystemConfiguration System)
{
    public static Order Create(QuoteRequested e) => new(e.OrderId, e.CustomerId, OrderStatus.QuoteRequested, e.System);

    public static Decision RequestQuote(RequestQuote command, DateTimeOffset now) =>
        Decision.Accept(new QuoteRequested(
            command.OrderId, command.CustomerId, command.Site, command.Roof, command.EstimatedKwp, command.System, now));
}

public sealed record RequestQuote(
    Guid OrderId,
    Guid CustomerId,
    InstallationSite Site,
    RoofType Roof,
    decimal EstimatedKwp,
    SystemConfiguration System);
