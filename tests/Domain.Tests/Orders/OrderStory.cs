using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Orders;

/// <summary>One order told event by event, so each test can start from any point of its life.</summary>
public static class OrderStory
{
    public static readonly Guid OrderId = Id(1);
    public static readonly Guid CustomerId = Id(2);
    public static readonly Guid QuoteId = Id(3);
    public static readonly Guid RequestId = Id(4);
    public static readonly Guid CrewId = Id(5);
    public static readonly Guid SurveyCrewId = Id(6);

    public static readonly InstallationSite Site = new("3011", "Rotterdam", "NL");
    public static readonly SystemConfiguration SystemConfig = new(12, "Helios 430", "Fronius Primo 5", WithBattery: false);
    public static readonly IReadOnlyList<PriceLine> Lines =
        [new("12 panels", 6000m), new("Inverter", 1500m), new("Installation", 1000m), new("Spring discount", -500m)];

    public const decimal Total = 8000m;
    public const string Currency = "EUR";
    public static readonly DateTimeOffset ValidUntil = Now.AddDays(14);
    public static readonly InstallationWindow Window = new(Today.AddDays(20), Today.AddDays(22));

    public static Money Eur(decimal amount) => new(amount, Currency);

    public static RequestQuote Request => new(OrderId, CustomerId, Site, RoofType.PitchedTile, 5.2m, SystemConfig);

    public static QuoteRequested Requested => new(OrderId, CustomerId, Site, RoofType.PitchedTile, 5.2m, SystemConfig, Now.AddDays(-30));

    public static SiteSurveyScheduled SurveyScheduled => new(OrderId, Now.AddDays(-20), SurveyCrewId, Now.AddDays(-29));

    public static SiteSurveyCompleted SurveyCompleted => new(OrderId, "South-facing, no shading", 5.6m, Now.AddDays(-20));

    public static QuoteIssued QuoteIssued => new(OrderId, QuoteId, Lines, Currency, Total, ValidUntil, Now.AddDays(-1));

    public static QuoteAccepted QuoteAccepted => new(OrderId, QuoteId, Now.AddHours(-2));

    public static InstallationScheduled InstallationScheduled => new(OrderId, Window, CrewId, Now.AddHours(-1));

    public static SystemInstalled Installed => new(OrderId, Now.AddMinutes(-30));

    public static GridConnectionApproved GridApproved => new(OrderId, "GRID-77", Now.AddMinutes(-20));

    public static SystemActivated Activated => new(OrderId, Now.AddMinutes(-10));

    public static PaymentRecorded Paid(decimal amount, string providerEventId = "PSP-1") =>
        new(OrderId, Eur(amount), PaymentKind.Deposit, providerEventId, Now.AddMinutes(-6), Now.AddMinutes(-5));

    public static OrderCancelled Cancelled => new(OrderId, "Changed mind", null, null, Now.AddMinutes(-1));

    /// <summary>The events that bring an order to <paramref name="status"/> along the happy path.</summary>
    public static object[] UpTo(OrderStatus status) =>
    [
        .. new object[]
        {
            Requested, SurveyScheduled, SurveyCompleted, QuoteIssued, QuoteAccepted,
            InstallationScheduled, Installed, GridApproved, Activated,
        }.Take((int)status + 1),
    ];

    public static Order Given(params object[] events) => OrderHistory.Rebuild(events);

    public static Order At(OrderStatus status, params object[] more) => Given([.. UpTo(status), .. more]);
}
