using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using static SolarEvents.Application.Tests.EventStore.StoryClock;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>Orders driven through their decisions, with fresh stream ids on every call.</summary>
public static class OrderStories
{
    private static readonly InstallationSite Site = new("3011 AB", "Rotterdam", "NL");
    private static readonly SystemConfiguration System = new(12, "Helios 430 Black", "Fronius Primo 5.0", WithBattery: false);

    private static readonly IReadOnlyList<PriceLine> Lines =
    [
        new("12 × Helios 430 Black", 6180.00m),
        new("Fronius Primo 5.0", 1495.50m),
        new("Mounting and installation", 1200m),
        new("Spring discount", -350.25m),
    ];

    private static Money Eur(decimal amount) => new(amount, "EUR");

    /// <summary>Quote requested to accepted: the common start of every order below.</summary>
    public static Story<Order> Accepted(Guid quoteId)
    {
        var orderId = Guid.CreateVersion7();
        return new Story<Order>(orderId, OrderHistory.Evolve)
            .Start(() => Order.RequestQuote(new RequestQuote(
                orderId, Guid.CreateVersion7(), Site, RoofType.PitchedTile, 5.2m, System), T0))
            .Then(o => Order.ScheduleSiteSurvey(o, new ScheduleSiteSurvey(o.Id, Day(7).AddHours(1.5), Guid.CreateVersion7()), Day(0).AddHours(2)))
            .Then(o => Order.CompleteSiteSurvey(o, new CompleteSiteSurvey(o.Id, "South-facing, light shading in winter", 5.85m), Day(7)))
            .Then(o => Order.IssueQuote(o, new IssueQuote(o.Id, quoteId, Lines, "EUR", Day(22)), Day(8)))
            .Then(o => Order.AcceptQuote(o, new AcceptQuote(o.Id, quoteId), Day(10)));
    }

    /// <summary>Every step to an active system, with each kind of amendment and a goodwill refund.</summary>
    public static Story<Order> Activated(Guid changeRequestId) =>
        Accepted(Guid.CreateVersion7())
            .Then(o => Order.RecordPayment(o, new RecordPayment(o.Id, Eur(2000.50m), PaymentKind.Deposit, "PSP-7f3a-0001", Day(10)), Day(10)))
            .Then(o => Order.ScheduleInstallation(o, new ScheduleInstallation(o.Id, new InstallationWindow(Date(30), Date(32)), Guid.CreateVersion7()), Day(11)))
            .Then(o => Order.RescheduleInstallation(o, new RescheduleInstallation(o.Id, new InstallationWindow(Date(40), Date(41)), "Crew unavailable", changeRequestId), Day(12)))
            .Then(o => Order.ChangeSystemConfiguration(o, new ChangeSystemConfiguration(o.Id, o.System with { PanelCount = 14, WithBattery = true }, "Customer added a battery", null), Day(13)))
            .Then(o => Order.AdjustPrice(o, new AdjustPrice(o.Id, Eur(2400.99m), "Battery and two panels", null), Day(13)))
            .Then(o => Order.RecordInstallation(o, new RecordInstallation(o.Id), Day(40)))
            .Then(o => Order.ApproveGridConnection(o, new ApproveGridConnection(o.Id, "NETZ-2026-0042"), Day(45)))
            .Then(o => Order.ActivateSystem(o, new ActivateSystem(o.Id), Day(46)))
            .Then(o => Order.RecordPayment(o, new RecordPayment(o.Id, Eur(o.Total - o.NetPaid + 10m), PaymentKind.Final, "PSP-7f3a-0002", Day(47)), Day(47)))
            .Then(o => Order.RefundPayment(o, new RefundPayment(o.Id, Eur(150.25m), "Goodwill for the delay", changeRequestId), Day(48)));

    /// <summary>Cancelled after a deposit, so the cancellation carries a refund decision, then the refund.</summary>
    public static Story<Order> Cancelled(Guid changeRequestId) =>
        Accepted(Guid.CreateVersion7())
            .Then(o => Order.RecordPayment(o, new RecordPayment(o.Id, Eur(1000m), PaymentKind.Deposit, "PSP-9c1e-0001", Day(10)), Day(10)))
            .Then(o => Order.CancelOrder(o, new CancelOrder(o.Id, "Moving house", 800m, changeRequestId), Day(14)))
            .Then(o => Order.RefundPayment(o, new RefundPayment(o.Id, Eur(800m), "Deposit minus survey costs", changeRequestId), Day(15)));
}
