using Microsoft.EntityFrameworkCore;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Queries;

/// <summary>
/// One job of a field crew. <see cref="Kind"/> is <c>survey</c>, <c>installation</c> or <c>activation</c>
/// (<see cref="FieldJobs"/>); <see cref="Appointment"/> is when it is due (the survey time, the installation window's
/// first day, the grid approval), the order jobs come in. The customer's name, phone and street address (where the
/// crew goes) are opened for the crew, each read recorded with the purpose <see cref="FieldJobViews.Purpose"/>; null
/// once erased.
/// </summary>
public sealed record FieldJob(
    Guid OrderId, string Kind, string Status, SiteView Site, DateTimeOffset Appointment, AppointmentsView Appointments,
    SystemView System, string? CustomerName, string? CustomerPhone, string? CustomerAddress, long Version);

public static class FieldJobViews
{
    public const string Purpose = "field job";

    /// <summary>What a crew sees of a customer: no email.</summary>
    private static readonly string[] Fields = ["name", "phone", "address"];

    /// <summary>Records the crew member's read of the page's customers (one record per customer, naming the fields
    /// shown), then opens them; nothing else of the contact details leaves.</summary>
    public static async Task<IReadOnlyList<FieldJob>> ShowAsync(
        this ReadModelDbContext db, IReadOnlyList<OrderSummary> jobs, PersonalDataReveal reveal, CancellationToken cancellation)
    {
        if (jobs.Count == 0) return [];
        var customerIds = jobs.Select(o => o.CustomerId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => customerIds.Contains(a.AccountId)).ToListAsync(cancellation);
        var contacts = await reveal.ForEmployeeAsync([.. accounts.Select(a => a.Sealed())], Purpose, cancellation, Fields);
        var byCustomer = accounts.Select((a, i) => (a.AccountId, Contact: contacts[i])).ToDictionary(c => c.AccountId, c => c.Contact);
        return [.. jobs.Select(o =>
        {
            var contact = byCustomer.GetValueOrDefault(o.CustomerId);
            return new FieldJob(o.OrderId, o.JobKind!, o.Status, o.ToSite(), o.JobAt!.Value, o.ToAppointments(), o.ToSystem(),
                contact?.Name, contact?.Phone, contact?.Address, o.Version);
        })];
    }
}
