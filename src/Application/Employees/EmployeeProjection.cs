using JasperFx.Events;
using Marten.Events.Aggregation;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees;

/// <summary>An Employee stream folded by Marten: the domain's <see cref="Domain.Employees.Employee"/> state under its stream id.</summary>
public sealed record EmployeeStanding(Guid Id, Employee Employee);

/// <summary>
/// Lets Marten fold an Employee stream (FetchForWriting, AggregateStreamAsync) with the domain's own
/// <see cref="EmployeeHistory.Evolve"/>. Marten 9 dispatches conventional Create/Apply methods only through
/// a source generator that would have to run in the Domain project, which must not reference Marten; an
/// explicit Evolve needs none, but Marten refuses it on a type that has Apply methods too, hence the
/// wrapper. Registered as a live projection: nothing is stored.
/// </summary>
public sealed class EmployeeProjection : SingleStreamProjection<EmployeeStanding, Guid>
{
    public override EmployeeStanding? Evolve(EmployeeStanding? snapshot, Guid id, IEvent e) =>
        new(id, EmployeeHistory.Evolve(snapshot?.Employee, e.Data));
}
