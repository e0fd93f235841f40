using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>The engineer is done before the time runs out.</summary>
public sealed record EndBreakGlassAccess(Guid EngineerId);

public sealed class EndBreakGlassAccessAuthorization() : CommandAuthorizationHandler<EndBreakGlassAccess>(Capability.BreakGlass)
{
    protected override bool IsAllowed(Actor actor, EndBreakGlassAccess command) => actor.Id == command.EngineerId;
}

public static class EndBreakGlassAccessHandler
{
    public const string EndedByEngineer = "Ended by the engineer.";

    public static async Task<StreamChanged> Handle(
        EndBreakGlassAccess command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return await streams.DecideAsync<Employee>(command.EngineerId, expectedVersion: null,
            employee => Employee.EndBreakGlass(employee, new EndBreakGlass(command.EngineerId, EndedByEngineer), streams.Now), cancellation);
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
        LapseBreakGlass message, IDocumentSession session, IMessageContext messages, Envelope envelope, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        SystemActor.Stamp(session, messages);
        await streams.DecideAsync<Employee>(message.EngineerId, expectedVersion: null, async employee =>
        {
            if (employee.BreakGlass is not { } access || access.ChangeRequestId != message.RequestId) return Decision.Accept();
            if (streams.Now >= access.Until) return Employee.EndBreakGlass(employee, new EndBreakGlass(message.EngineerId, Employee.EndedByLapse), streams.Now);
            await messages.ScheduleAsync(message, access.Until);
            return Decision.Accept();
        }, cancellation);
    }
}
