using JasperFx.Events;
using SolarEvents.Domain;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Projections.Tests;

/// <summary>Every order and employee event has a summary of its own for people, holding nothing anyone typed; and the
/// field job an order holds follows its status. No database is needed.</summary>
public sealed class timeline_summaries_tell_each_step
{
    private static readonly Guid Id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Crew = Guid.Parse("0193a1b2-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset At = new(2026, 12, 24, 9, 30, 0, TimeSpan.Zero);
    private static readonly Money Eur = new(500m, "EUR");

    public static TheoryData<object, string> Steps() => new()
    {
        { new SiteSurveyScheduled(Id, At, Crew, At), $"Site survey scheduled for 2026-12-24 09:30 UTC, crew {Crew}" },
        { new SiteSurveyScheduled(Id, At, null, At), "Site survey scheduled for 2026-12-24 09:30 UTC" },
        { new SiteSurveyCompleted(Id, "Customer's dog bites; call Mrs Example on 0170 123", 7.25m, At), "Site survey completed: 7.25 kWp" },
        { new QuoteIssued(Id, Id, [new PriceLine("System", 9_000m)], "EUR", 9_000m, At, At), "Quote issued: 1 line, 9000.00 EUR, valid until 2026-12-24" },
        { new QuoteAccepted(Id, Id, At), "Quote accepted" },
        { new InstallationScheduled(Id, new InstallationWindow(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 6)), Crew, At),
            $"Installation scheduled 2027-01-04 to 2027-01-06, crew {Crew}" },
        { new SystemInstalled(Id, At), "System installed" },
        { new GridConnectionApproved(Id, "NETZ-4711", At), "Grid connection approved (operator reference NETZ-4711)" },
        { new SystemActivated(Id, At), "System activated" },
        { new PaymentRecorded(Id, Eur, PaymentKind.Final, "evt_1", At, At), "Payment recorded: 500.00 EUR (Final), paid 2026-12-24" },
        { new PaymentExceededBalance(Id, Eur, "evt_1", At), "Payment exceeded the balance by 500.00 EUR: flagged for support" },
        { new PaymentRefunded(Id, Eur, "Customer typed this", Id, At), "Refund: 500.00 EUR" },
        { new PriceAdjusted(Id, new Money(-500m, "EUR"), new Money(8_500m, "EUR"), "Goodwill", Id, At), "Price adjusted by -500.00 EUR, new total 8500.00 EUR" },
        { new OrderCancelled(Id, "Customer typed this", null, null, At), "Order cancelled" },
        { new OrderCancelled(Id, "Customer typed this", Eur, Id, At), "Order cancelled, refund due 500.00 EUR" },
        { new CrewAssigned(Id, Crew, Id, At), $"Assigned to crew {Crew}" },
        { new EmployeeOnboarded(Id, "Robin Roofer", "robin@solar.example", Id, At), "Employee onboarded" },
        { new EmployeeRoleGranted(Id, EmployeeRole.Installer, Id, At), "Role granted: Installer" },
        { new EmployeeRoleRevoked(Id, EmployeeRole.Installer, Id, "Moved to sales", At), "Role revoked: Installer" },
        { new EmployeeOffboarded(Id, Id, "Left", At), "Employee offboarded" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void each_step_reads_as_a_sentence(object data, string summary) =>
        Assert.Equal(summary, TimelineWriter.EntryFor(Stored(data)).Summary);

    [Fact]
    public void every_order_and_employee_event_has_its_own_summary()
    {
        var described = Steps().Select(row => row[0].GetType()).ToHashSet();
        described.UnionWith([typeof(QuoteRequested), typeof(InstallationRescheduled), typeof(SystemConfigurationChanged)]);
        var lacking = EventCatalog.Current
            .Where(e => e.Name.StartsWith("order.", StringComparison.Ordinal) || e.Name is "employee.crew_assigned.v1")
            .Where(e => !described.Contains(e.Type))
            .Select(e => e.Name);
        Assert.Empty(lacking);
    }

    [Fact]
    public void a_summary_longer_than_its_column_is_cut_to_fit()
    {
        var applied = new ChangeRequestChangesApplied(Id, Id, [.. Enumerable.Repeat("order.installation_rescheduled.v1", 20)], 3, At);

        var summary = TimelineWriter.EntryFor(Stored(applied)).Summary;

        Assert.Equal(TimelineWriter.MaxSummaryLength, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OrderStatus.SurveyScheduled), FieldJobs.Survey)]
    [InlineData(nameof(OrderStatus.InstallationScheduled), FieldJobs.Installation)]
    [InlineData(nameof(OrderStatus.GridConnectionApproved), FieldJobs.Activation)]
    [InlineData(nameof(OrderStatus.QuoteAccepted), null)]
    [InlineData(nameof(OrderStatus.Installed), null)]
    [InlineData(nameof(OrderStatus.Activated), null)]
    [InlineData(nameof(OrderStatus.Cancelled), null)]
    public void the_field_job_follows_the_status(string status, string? kind)
    {
        var surveyCrew = Guid.CreateVersion7();
        var order = new OrderSummary
        {
            Status = status, PostalCode = "10115", City = "Berlin", CountryCode = "DE", PanelModel = "P", InverterModel = "I",
            SurveyAt = At, SurveyCrewId = surveyCrew, InstallationCrewId = Crew, InstallationFrom = new DateOnly(2027, 1, 4),
            GridConnectionApprovedAt = At.AddDays(30),
        };

        FieldJobs.Assign(order);

        Assert.Equal(kind, order.JobKind);
        var expected = kind switch
        {
            FieldJobs.Survey => (surveyCrew, At),
            FieldJobs.Installation => (Crew, new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero)),
            FieldJobs.Activation => (Crew, At.AddDays(30)),
            _ => ((Guid?)null, (DateTimeOffset?)null),
        };
        Assert.Equal(expected, (order.JobCrewId, order.JobAt));
    }

    private static Event<T> Typed<T>(T data) where T : notnull => new(data);

    private static IEvent Stored(object data) =>
        (IEvent)typeof(timeline_summaries_tell_each_step).GetMethod(nameof(Typed), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(data.GetType()).Invoke(null, [data])!;
}
