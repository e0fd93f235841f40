using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders;

/// <summary>Who may see an order at all: another customer's order, or another crew's job, is answered as if it did
/// not exist (404), before any rule of the order is asked.</summary>
public static class OrderAccess
{
    /// <summary>The order, if it is this customer's; otherwise the order "does not exist".</summary>
    public static Order OwnedBy(this Order order, Guid customerId) =>
        order.CustomerId == customerId ? order : throw new StreamNotFoundException(order.Id);

    /// <summary>The crew the calling installer belongs to now (their Employee stream says), or none.</summary>
    public static async Task<Guid?> CrewOfAsync(IQuerySession session, ICallerContext caller, CancellationToken cancellation)
    {
        var installer = Actor.From(caller.Principal) ?? throw new CommandUnauthenticatedException();
        var employee = await session.Events.AggregateStreamAsync<Employee>(installer.Id, token: cancellation);
        return employee is { Offboarded: false } ? employee.CrewId : null;
    }

    /// <summary>The order, if the job (survey or installation) is booked for this crew.</summary>
    public static Order ForCrew(this Order order, Guid? jobCrew, Guid? installerCrew) =>
        jobCrew is not null && jobCrew == installerCrew ? order : throw new StreamNotFoundException(order.Id);
}
