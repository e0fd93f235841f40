using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders;

/// <summary>Who may see an order at all: another customer's order, or another crew's job, is answered as if it did
/// not exist (404), before any rule of the order is asked.</summary>
public static class OrderAccess
{
    /// <summary>Unless the order is this customer's, it "does not exist".</summary>
    public static void OwnedBy(this Order order, Guid customerId)
    {
        if (order.CustomerId != customerId) throw new StreamNotFoundException(order.Id);
    }

    /// <summary>The crew the calling installer belongs to now (their Employee stream says), or none.</summary>
    public static async Task<Guid?> CrewOfAsync(IQuerySession session, ICallerContext caller, CancellationToken cancellation)
    {
        var installer = Actor.From(caller.Principal) ?? throw new CommandUnauthenticatedException();
        var employee = await session.Events.AggregateStreamAsync<Employee>(installer.Id, token: cancellation);
        return employee is { Offboarded: false } ? employee.CrewId : null;
    }

    /// <summary>Unless the job (survey or installation) is booked for this crew, the order "does not exist".</summary>
    public static void ForCrew(this Order order, Guid? jobCrew, Guid? installerCrew)
    {
        if (jobCrew is null || jobCrew != installerCrew) throw new StreamNotFoundException(order.Id);
    }
}
