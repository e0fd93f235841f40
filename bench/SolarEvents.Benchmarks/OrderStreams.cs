using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Benchmarks;

/// <summary>The events the benchmark appends, built by the domain's own decisions where one exists.</summary>
public static class OrderStreams
{
    public const string RequestQuoteJson =
        """{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"PitchedTile","estimatedKwp":8.4,"system":{"panelCount":20,"panelModel":"SunPeak 420","inverterModel":"GridMax 8K","withBattery":true}}""";

    /// <summary>What POST /api/v1/orders turns <see cref="RequestQuoteJson"/> into.</summary>
    public static RequestQuote RequestQuote(Guid orderId, Guid customerId) =>
        new(orderId, customerId, new InstallationSite("10115", "Berlin", "DE"), RoofType.PitchedTile, 8.4m,
            new SystemConfiguration(20, "SunPeak 420", "GridMax 8K", WithBattery: true));

    public static IReadOnlyList<object> QuoteRequested(Guid orderId, Guid customerId, DateTimeOffset now) =>
        Order.RequestQuote(RequestQuote(orderId, customerId), now).ThrowIfRejected();

    /// <summary>An order with a quote on the table: four events, version <see cref="QuotedVersion"/>.</summary>
    public static IReadOnlyList<object> QuotedOrder(Guid orderId, Guid customerId, Guid quoteId, DateTimeOffset now, decimal total) =>
    [
        .. QuoteRequested(orderId, customerId, now),
        new SiteSurveyScheduled(orderId, now.AddDays(3), null, now),
        new SiteSurveyCompleted(orderId, "South-facing, no shading", 8.2m, now),
        new QuoteIssued(orderId, quoteId, [new PriceLine("System", total)], "EUR", total, now.AddDays(30), now),
    ];

    public const long QuotedVersion = 4;

    /// <summary>An order from request to accepted quote: five events, a realistic shape for the read models.</summary>
    public static IReadOnlyList<object> AcceptedOrder(Guid orderId, Guid customerId, DateTimeOffset now, decimal total)
    {
        var quoteId = Guid.CreateVersion7();
        return [.. QuotedOrder(orderId, customerId, quoteId, now, total), new QuoteAccepted(orderId, quoteId, now)];
    }

    /// <summary>A one-euro payment reported as provider event <paramref name="providerEventId"/>.</summary>
    public static RecordPayment OneEuro(Guid orderId, string providerEventId, DateTimeOffset paidAt) =>
        new(orderId, new Money(1m, "EUR"), PaymentKind.Other, providerEventId, paidAt);

    /// <summary>An accepted order with its installation booked in <see cref="Window"/>(0): what reschedules and
    /// configuration changes start from. Version <see cref="ReadyVersion"/>.</summary>
    public static IReadOnlyList<object> ReadyForInstallation(Guid orderId, Guid customerId, DateTimeOffset now)
    {
        var events = AcceptedOrder(orderId, customerId, now, 12_000m).ToList();
        events.Add(new InstallationScheduled(orderId, Window(0), null, now));
        return events;
    }

    public const long ReadyVersion = 6;

    /// <summary>Two installation windows and two systems to alternate between, so that every reschedule and every
    /// configuration change really changes something (the domain refuses a change to the same value).</summary>
    public static InstallationWindow Window(int cycle)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return cycle % 2 == 0 ? new InstallationWindow(today.AddDays(20), today.AddDays(21)) : new InstallationWindow(today.AddDays(30), today.AddDays(31));
    }

    public static SystemConfiguration System(int cycle) =>
        new(cycle % 2 == 0 ? 20 : 24, "SunPeak 420", "GridMax 8K", WithBattery: true);
}
