using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.Rebuild;

namespace SolarEvents.Projections.Tests;

/// <summary>The order summary follows every step of the lifecycle, the field crews' jobs follow the status, and the
/// timeline tells each step with who took it. Events are decided by the domain and appended directly.</summary>
public sealed class order_lifecycle_read_models
{
    private static readonly Guid SurveyCrew = Guid.CreateVersion7();
    private static readonly Guid InstallationCrew = Guid.CreateVersion7();
    private static readonly string SalesId = Guid.CreateVersion7().ToString();
    private static readonly string InstallerId = Guid.CreateVersion7().ToString();
    private static readonly string CustomerId = Guid.CreateVersion7().ToString();

    [Fact]
    public async Task every_step_shows_on_the_summary_and_the_crews_jobs_follow_the_status()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        var orderId = await rig.RequestQuoteAsync();
        var surveyAt = WholeSeconds(DateTimeOffset.UtcNow.AddDays(7));

        await rig.DecideAsync(orderId, (o, now) => Order.ScheduleSiteSurvey(o, new ScheduleSiteSurvey(orderId, surveyAt, SurveyCrew), now), SalesId, "Sales");
        var scheduled = await SummaryAsync(rig, orderId);
        Assert.Equal("10115", scheduled.PostalCode);
        Assert.Equal((surveyAt, SurveyCrew), (scheduled.SurveyAt, scheduled.SurveyCrewId));
        Assert.Equal((FieldJobs.Survey, SurveyCrew, surveyAt), (scheduled.JobKind, scheduled.JobCrewId, scheduled.JobAt));

        await rig.DecideAsync(orderId, (o, now) => Order.CompleteSiteSurvey(o, new CompleteSiteSurvey(orderId, "South roof, 30° pitch", 7.2m), now),
            InstallerId, "Installer");
        var surveyed = await SummaryAsync(rig, orderId);
        Assert.Equal(("South roof, 30° pitch", 7.2m, 7.2m), (surveyed.SurveyFindings, surveyed.SurveyedKwp, surveyed.EstimatedKwp));
        Assert.NotNull(surveyed.SurveyCompletedAt);
        Assert.Null(surveyed.JobKind);

        var (firstQuote, secondQuote) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var validUntil = WholeSeconds(DateTimeOffset.UtcNow.AddDays(30));
        await rig.DecideAsync(orderId, (o, now) => Order.IssueQuote(o, new IssueQuote(orderId, firstQuote,
            [new PriceLine("System", 12_000m), new PriceLine("Scaffolding", 800m)], "EUR", validUntil), now), SalesId, "Sales");
        await rig.DecideAsync(orderId, (o, now) => Order.IssueQuote(o, new IssueQuote(orderId, secondQuote,
            [PriceLine.Of("Panels", 18, 400m), new PriceLine("Inverter", 2_800m), new PriceLine("Loyalty discount", -400m)], "EUR", validUntil), now),
            SalesId, "Sales");
        var reissued = await SummaryAsync(rig, orderId);
        Assert.Equal((secondQuote, 9_600m, 9_600m, "EUR", validUntil), (reissued.QuoteId, reissued.QuoteTotal, reissued.Total, reissued.Currency, reissued.QuoteValidUntil));
        Assert.Equal(
            [new QuoteLineEntry("Panels", 7_200m, 18, 400m), new QuoteLineEntry("Inverter", 2_800m), new QuoteLineEntry("Loyalty discount", -400m)],
            OrderJson.Lines(reissued.QuoteLines));
        Assert.Equal(9_600m, reissued.Balance);

        await rig.DecideAsync(orderId, (o, now) => Order.AcceptQuote(o, new AcceptQuote(orderId, secondQuote), now), CustomerId, "Customer");
        var window = new InstallationWindow(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(22)));
        await rig.DecideAsync(orderId, (o, now) => Order.ScheduleInstallation(o, new ScheduleInstallation(orderId, window, InstallationCrew), now), SalesId, "Sales");
        await rig.DecideAsync(orderId, (o, now) => Order.RecordPayment(o, Payment(orderId, 3_000m, PaymentKind.Deposit, "evt_deposit", surveyAt), now),
            "provider", "PaymentProvider");
        var booked = await SummaryAsync(rig, orderId);
        Assert.NotNull(booked.QuoteAcceptedAt);
        Assert.Equal((window.From, window.To, InstallationCrew), (booked.InstallationFrom, booked.InstallationTo, booked.InstallationCrewId));
        Assert.Equal((FieldJobs.Installation, InstallationCrew, new DateTimeOffset(window.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            (booked.JobKind, booked.JobCrewId, booked.JobAt));
        Assert.Equal((3_000m, 6_600m, 0m), (booked.Paid, booked.Balance, booked.Overpaid));

        await rig.DecideAsync(orderId, (o, now) => Order.RecordInstallation(o, new RecordInstallation(orderId), now), InstallerId, "Installer");
        Assert.Null((await SummaryAsync(rig, orderId)).JobKind);
        await rig.DecideAsync(orderId, (o, now) => Order.ApproveGridConnection(o, new ApproveGridConnection(orderId, "NETZ-2026/4711"), now), SalesId, "Sales");
        var approved = await SummaryAsync(rig, orderId);
        Assert.Equal("NETZ-2026/4711", approved.GridOperatorReference);
        Assert.Equal((FieldJobs.Activation, InstallationCrew, approved.GridConnectionApprovedAt), (approved.JobKind, approved.JobCrewId, approved.JobAt));

        await rig.DecideAsync(orderId, (o, now) => Order.ActivateSystem(o, new ActivateSystem(orderId), now), InstallerId, "Installer");
        var activated = await SummaryAsync(rig, orderId);
        Assert.Equal(nameof(OrderStatus.Activated), activated.Status);
        Assert.NotNull(activated.InstalledAt);
        Assert.NotNull(activated.ActivatedAt);
        Assert.Null(activated.JobKind);
        Assert.Null(activated.JobCrewId);

        var timeline = await TimelineAsync(rig, orderId);
        Assert.Equal(
        [
            "Quote requested: 16 panels, 6.5 kWp",
            $"Site survey scheduled for {surveyAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, crew {SurveyCrew}",
            "Site survey completed: 7.2 kWp",
            $"Quote issued: 2 lines, 12800.00 EUR, valid until {validUntil:yyyy-MM-dd}",
            $"Quote issued: 3 lines, 9600.00 EUR, valid until {validUntil:yyyy-MM-dd}",
            "Quote accepted",
            $"Installation scheduled {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}, crew {InstallationCrew}",
            $"Payment recorded: 3000.00 EUR (Deposit), paid {surveyAt:yyyy-MM-dd}",
            "System installed",
            "Grid connection approved (operator reference NETZ-2026/4711)",
            "System activated",
        ], timeline.Select(e => e.Summary));
        Assert.Equal([null, "Sales", "Installer", "Sales", "Sales", "Customer", "Sales", "PaymentProvider", "Installer", "Sales", "Installer"],
            timeline.Select(e => e.ActorRole));
        Assert.Equal(InstallerId, timeline.Single(e => e.EventName == "order.system_activated.v1").ActorId);
    }

    [Fact]
    public async Task payments_add_up_an_overpayment_is_flagged_on_its_payment_and_refunds_bring_the_balance_back()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        var orderId = await AcceptedOrderAsync(rig, 10_000m);
        var paidAt = WholeSeconds(DateTimeOffset.UtcNow.AddHours(-2));

        await rig.DecideAsync(orderId, (o, now) => Order.RecordPayment(o, Payment(orderId, 3_000m, PaymentKind.Deposit, "evt_1", paidAt), now));
        await rig.DecideAsync(orderId, (o, now) => Order.RecordPayment(o, Payment(orderId, 7_500m, PaymentKind.Final, "evt_2", paidAt), now));
        var overpaid = await SummaryAsync(rig, orderId);
        Assert.Equal((10_500m, 0m, -500m, 500m), (overpaid.Paid, overpaid.Refunded, overpaid.Balance, overpaid.Overpaid));
        Assert.Equal(
            [("evt_1", "Deposit", 3_000m, (decimal?)null), ("evt_2", "Final", 7_500m, 500m)],
            OrderJson.Payments(overpaid.Payments).Select(p => (p.ProviderEventId, p.Kind, p.Amount, p.Excess)));
        Assert.All(OrderJson.Payments(overpaid.Payments), p => Assert.Equal(("EUR", paidAt), (p.Currency, p.PaidAt)));
        Assert.Contains("Payment exceeded the balance by 500.00 EUR: flagged for support", (await TimelineAsync(rig, orderId)).Select(e => e.Summary));

        await rig.DecideAsync(orderId, (o, now) => Order.RefundPayment(o, new RefundPayment(orderId, new Money(500m, "EUR"), "Overpaid", null), now));
        var refunded = await SummaryAsync(rig, orderId);
        Assert.Equal((10_500m, 500m, 0m, 500m), (refunded.Paid, refunded.Refunded, refunded.Balance, refunded.Overpaid));
    }

    [Fact]
    public async Task a_price_adjustment_changes_what_is_owed_but_not_the_quote_and_a_cancellation_keeps_its_refund_decision()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        var orderId = await AcceptedOrderAsync(rig, 10_000m);
        await rig.DecideAsync(orderId, (o, now) => Order.RecordPayment(o, Payment(orderId, 2_000m, PaymentKind.Deposit, "evt_1"), now));
        await rig.DecideAsync(orderId, (o, now) => Order.AdjustPrice(o, new AdjustPrice(orderId, new Money(-1_000m, "EUR"), "Goodwill", Guid.CreateVersion7()), now));
        var adjusted = await SummaryAsync(rig, orderId);
        Assert.Equal((10_000m, 9_000m, 7_000m), (adjusted.QuoteTotal, adjusted.Total, adjusted.Balance));

        await rig.DecideAsync(orderId, (o, now) => Order.CancelOrder(o, new CancelOrder(orderId, "Moving house", 1_500m, Guid.CreateVersion7()), now));
        var cancelled = await SummaryAsync(rig, orderId);
        Assert.Equal((nameof(OrderStatus.Cancelled), 1_500m), (cancelled.Status, cancelled.CancellationRefundDue));
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal("Order cancelled, refund due 1500.00 EUR", (await TimelineAsync(rig, orderId))[^1].Summary);
    }

    [Fact]
    public async Task a_crew_assignment_is_on_the_installers_timeline()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        var (installer, crew) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await rig.AppendAsync(installer,
            new EmployeeOnboarded(installer, "Robin Roofer", "robin@solar.example", Guid.CreateVersion7(), DateTimeOffset.UtcNow),
            new EmployeeRoleGranted(installer, EmployeeRole.Installer, Guid.CreateVersion7(), DateTimeOffset.UtcNow),
            new CrewAssigned(installer, crew, Guid.CreateVersion7(), DateTimeOffset.UtcNow));

        await rig.WaitUntilCaughtUpAsync();

        Assert.Equal(["Employee onboarded", "Role granted: Installer", $"Assigned to crew {crew}"],
            (await TimelineAsync(rig, installer)).Select(e => e.Summary));
    }

    [Fact]
    public async Task a_rebuild_of_whole_lifecycles_reproduces_the_rows_the_projector_wrote()
    {
        await using var rig = await ProjectorRig.CreateAsync();
        await rig.StartProjectorAsync();
        for (var i = 0; i < 6; i++)
        {
            var orderId = await AcceptedOrderAsync(rig, 8_000m + i);
            await rig.DecideAsync(orderId, (o, now) => Order.RecordPayment(o, Payment(orderId, 9_000m, PaymentKind.Final, $"evt_{i}"), now));
            if (i % 2 == 0) continue;
            var window = new InstallationWindow(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10 + i)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(11 + i)));
            await rig.DecideAsync(orderId, (o, now) => Order.ScheduleInstallation(o, new ScheduleInstallation(orderId, window, InstallationCrew), now));
            await rig.DecideAsync(orderId, (o, now) => Order.RecordInstallation(o, new RecordInstallation(orderId), now));
            await rig.DecideAsync(orderId, (o, now) => Order.ApproveGridConnection(o, new ApproveGridConnection(orderId, $"GRID-{i}"), now));
        }

        await rig.WaitUntilCaughtUpAsync();
        var incremental = await rig.SnapshotAsync();
        await using (var services = rig.RebuildServices())
        {
            await services.GetRequiredService<ReadModelRebuilder>().RunAsync(progress: null, CancellationToken.None);
        }

        Assert.Equal(incremental, await rig.SnapshotAsync());
        await using var db = rig.ReadModels();
        Assert.Equal(3, await db.OrderSummaries.CountAsync(o => o.JobKind == FieldJobs.Activation && o.JobCrewId == InstallationCrew));
        Assert.Equal(6, await db.OrderSummaries.CountAsync(o => o.Overpaid > 0));
    }

    /// <summary>Requested, surveyed, quoted at <paramref name="total"/> EUR (one line) and accepted.</summary>
    private static async Task<Guid> AcceptedOrderAsync(ProjectorRig rig, decimal total)
    {
        var orderId = await rig.RequestQuoteAsync();
        var quoteId = Guid.CreateVersion7();
        await rig.DecideAsync(orderId, (o, now) => Order.ScheduleSiteSurvey(o, new ScheduleSiteSurvey(orderId, now.AddDays(3), SurveyCrew), now));
        await rig.DecideAsync(orderId, (o, now) => Order.CompleteSiteSurvey(o, new CompleteSiteSurvey(orderId, "Fine", 6.5m), now));
        await rig.DecideAsync(orderId, (o, now) => Order.IssueQuote(o, new IssueQuote(orderId, quoteId, [new PriceLine("System", total)], "EUR", now.AddDays(30)), now));
        await rig.DecideAsync(orderId, (o, now) => Order.AcceptQuote(o, new AcceptQuote(orderId, quoteId), now));
        return orderId;
    }

    private static RecordPayment Payment(Guid orderId, decimal amount, PaymentKind kind, string providerEventId, DateTimeOffset? paidAt = null) =>
        new(orderId, new Money(amount, "EUR"), kind, providerEventId, paidAt ?? DateTimeOffset.UtcNow);

    private static async Task<OrderSummary> SummaryAsync(ProjectorRig rig, Guid orderId)
    {
        await rig.WaitUntilCaughtUpAsync();
        await using var db = rig.ReadModels();
        return await db.OrderSummaries.AsNoTracking().SingleAsync(o => o.OrderId == orderId);
    }

    private static async Task<List<Timeline.TimelineEntry>> TimelineAsync(ProjectorRig rig, Guid streamId)
    {
        await rig.WaitUntilCaughtUpAsync();
        await using var db = rig.ReadModels();
        return await db.TimelineEntries.AsNoTracking().Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToListAsync();
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
