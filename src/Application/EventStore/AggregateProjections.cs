using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.EventStore;

// Marten 9 dispatches conventional Create/Apply methods only through code its source generator writes into the
// aggregate's own assembly, and Domain must not reference Marten. So each aggregate gets an explicit projection
// here whose Evolve calls the domain's own fold: one definition of how state evolves, used by Marten and tests.

public sealed class OrderProjection : SingleStreamProjection<Order, Guid>
{
    public override Order Evolve(Order? snapshot, Guid id, IEvent e) => OrderHistory.Evolve(snapshot, e.Data);
}

public sealed class AccountProjection : SingleStreamProjection<Account, Guid>
{
    public override Account Evolve(Account? snapshot, Guid id, IEvent e) => AccountHistory.Evolve(snapshot, e.Data);
}

public sealed class ChangeRequestProjection : SingleStreamProjection<ChangeRequest, Guid>
{
    public override ChangeRequest Evolve(ChangeRequest? snapshot, Guid id, IEvent e) => ChangeRequestHistory.Evolve(snapshot, e.Data);
}

public sealed class EmployeeProjection : SingleStreamProjection<Employee, Guid>
{
    public override Employee Evolve(Employee? snapshot, Guid id, IEvent e) => EmployeeHistory.Evolve(snapshot, e.Data);
}

public sealed class PersonalDataReadsProjection : SingleStreamProjection<PersonalDataReads, Guid>
{
    public override PersonalDataReads Evolve(PersonalDataReads? snapshot, Guid id, IEvent e) => PersonalDataReads.Evolve(snapshot, e.Data);
}

public static class AggregateProjections
{
    /// <summary>Live: aggregates are folded from their streams on every load (FetchForWriting, AggregateStreamAsync).</summary>
    public static void Register(StoreOptions options)
    {
        options.Projections.Add(new OrderProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new AccountProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new ChangeRequestProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new EmployeeProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new PersonalDataReadsProjection(), ProjectionLifecycle.Live);
    }
}
