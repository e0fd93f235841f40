using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Accounts;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.ReadModels;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Api.Queries;

/// <summary>A pipeline line: what sales needs to follow an order. Of the customer only the installation site and a
/// masked phone number (<see cref="Masking.Phone"/>), enough to recognise a caller; null once erased.</summary>
public sealed record PipelineItem(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, bool WithBattery,
    string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil, DateTimeOffset RequestedAt, string? MaskedPhone,
    string PostalCode, decimal? Total, DateTimeOffset? SurveyAt, DateOnly? InstallationFrom, DateOnly? InstallationTo);

/// <summary>A page of the pipeline, and how many orders stand at each stage (status) in the whole pipeline.</summary>
public sealed record PipelinePage(IReadOnlyList<PipelineItem> Items, string? Next, IReadOnlyDictionary<string, int> Stages);

/// <summary>One order as Sales works it: site, system, status, the survey, the current quote, the appointments and
/// crews, the grid approval, what is paid and owed, its timeline; of the customer a masked phone number only.</summary>
public sealed record SalesOrderView(
    Guid OrderId, string Status, SiteView Site, SystemView System, AppointmentsView Appointments, CrewsView Crews,
    SurveyView? Survey, QuoteView? Quote, string? Currency, decimal? Total, decimal Paid, decimal Refunded, decimal Balance,
    string? GridOperatorReference, MilestonesView Milestones, string? MaskedPhone, DateTimeOffset UpdatedAt, long Version,
    IReadOnlyList<TimelineItem> Timeline);

public static class SalesViews
{
    public static PipelineItem ToPipelineItem(this OrderSummary o, string? maskedPhone) =>
        new(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp, o.PanelCount, o.WithBattery, o.Currency, o.QuoteTotal,
            o.QuoteValidUntil, o.RequestedAt, maskedPhone, o.PostalCode, o.Total, o.SurveyAt, o.InstallationFrom, o.InstallationTo);

    public static SalesOrderView ToSalesView(this OrderSummary o, IEnumerable<TimelineEntry> timeline, string? maskedPhone) =>
        new(o.OrderId, o.Status, o.ToSite(), o.ToSystem(), o.ToAppointments(), o.ToCrews(), o.ToSurvey(forStaff: true), o.ToQuote(),
            o.Currency, o.Total, o.Paid, o.Refunded, o.Balance, o.GridOperatorReference, o.ToMilestones(), maskedPhone, o.UpdatedAt,
            o.Version, [.. timeline.Select(e => e.ToItem(forStaff: true))]);

    /// <summary>The customers' phone numbers, masked. Only the phone is opened, on the server, and masked before it
    /// leaves: Sales never receives the number, so this is no disclosure to record. Erased or missing: no entry.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> MaskedPhonesAsync(
        this ReadModelDbContext db, PersonalDataKeys keys, IEnumerable<Guid> customerIds, CancellationToken cancellation)
    {
        var ids = customerIds.Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.AccountId)).ToListAsync(cancellation);
        var masked = new Dictionary<Guid, string>();
        foreach (var account in accounts.Where(a => !a.PersonalDataErased && a.Phone is not null))
        {
            var key = await keys.GetAsync(account.AccountId, cancellation);
            masked[account.AccountId] = Masking.Phone(key.Open(account.Phone!));
        }

        return masked;
    }
}
