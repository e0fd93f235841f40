using Marten;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees;

/// <summary>Every employee command does the same: load the stream, let the employee decide, append what it decided.</summary>
internal static class EmployeeStreams
{
    public static async Task<StreamChanged> DecideAsync(
        IDocumentSession session, Guid employeeId, Func<Employee, Decision> decide, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Employee>(employeeId, cancellation);
        var employee = stream.Aggregate ?? throw new StreamNotFoundException(employeeId);
        var events = decide(employee).ThrowIfRejected();
        stream.AppendMany(events);
        return new StreamChanged(employeeId, (stream.StartingVersion ?? 0) + events.Count);
    }
}
