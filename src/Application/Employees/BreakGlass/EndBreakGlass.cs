using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;
using Wolverine;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>The engineer is done before the time runs out.</summary>
public sealed record EndBreakGlassAccess(Guid EngineerId);

public sealed class EndBreakGlassAccessAuthorization : CommandAuthorizationHandler<EndBreakGlassAccess>
{
    protected override bool IsAllowed(Actor actor, EndBreakGlassAccess command) =>
        actor.Role == Roles.Engineer && actor.Id == command.EngineerId;
}

public static class EndBreakGlassAccessHandler
{
    public const string EndedByEngineer = "Ended by the engineer.";

    public static async Task<StreamChanged> Handle(
        EndBreakGlassAccess command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var changed = await EmployeeStreams.DecideAsync(session, command.EngineerId,
            employee => Employee.EndBreakGlass(employee, new EndBreakGlass(command.EngineerId, EndedByEngineer), now), cancellation);
        return session.Remember(envelope, changed, now);
    }
}

/// <summary>Scheduled when access starts, for its end.</summary>
public sealed record LapseBreakGlass(Guid EngineerId, Guid RequestId) : ISystemMessage;

/// <summary>
/// Ends the access the message was scheduled for, if it is still the one held: access ended early, or a later grant,
/// is left alone. A delivery that comes early (clock skew between nodes) is scheduled again for the end.
/// </summary>
public static class LapseBreakGlassHandler
{
    public static async Task Handle(
        LapseBreakGlass message, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Employee>(message.EngineerId, cancellation);
        if (stream.Aggregate is not { BreakGlass: { } access } employee || access.ChangeRequestId != message.RequestId) return;

        var now = clock.GetUtcNow();
        if (now < access.Until)
        {
            await messages.ScheduleAsync(message, access.Until);
            return;
        }

        session.LastModifiedBy = SystemActor.Id;
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, SystemActor.Role);
        session.CorrelationId = messages.CorrelationId;
        stream.AppendMany(Employee.EndBreakGlass(employee, new EndBreakGlass(message.EngineerId, Employee.EndedByLapse), now).ThrowIfRejected());
    }
}
