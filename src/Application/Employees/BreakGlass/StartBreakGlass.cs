using SolarEvents.Application.ChangeRequests;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>
/// The engineer uses their approved request: access to that one account's personal data until <see cref="Until"/>
/// (at most 8 hours). The request is used up: it is closed in the same transaction, its outcome naming the access it
/// gave, and the access lapses by itself at <see cref="Until"/> (a durable scheduled message).
/// </summary>
public sealed record StartBreakGlass(Guid EngineerId, Guid RequestId, DateTimeOffset Until);

public sealed class StartBreakGlassAuthorization() : CommandAuthorizationHandler<StartBreakGlass>(Capability.BreakGlass)
{
    protected override bool IsAllowed(Actor actor, StartBreakGlass command) => actor.Id == command.EngineerId;
}

public sealed class StartBreakGlassValidator : AbstractValidator<StartBreakGlass>
{
    public StartBreakGlassValidator() => RuleFor(c => c.RequestId).NotEmpty();
}

public static class StartBreakGlassHandler
{
    public static async Task<StreamChanged> Handle(
        StartBreakGlass command, IDocumentSession session, IMessageContext messages, Envelope envelope, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var (request, requestVersion) = await ChangeRequestStreams.ReadAsync(session, command.RequestId, cancellation);
        SupportRules.Sharpen(
            ChangeRequest.Authorize(request, command.EngineerId, request.TargetStreamId, ChangeCategory.BreakGlassAccess, streams.Now), request)
            .ThrowIfRejected();

        var changed = await streams.DecideAsync<Employee>(command.EngineerId, expectedVersion: null, employee => Employee.GrantBreakGlass(
            employee, new GrantBreakGlass(command.EngineerId, request.TargetStreamId, command.RequestId, command.Until), streams.Now), cancellation);
        streams.AppendAlongside(command.RequestId, requestVersion, ChangeRequest.Close(request, new CloseChangeRequest(command.RequestId,
            command.EngineerId, $"Break-glass access granted until {command.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC."), streams.Now));
        await messages.ScheduleAsync(new LapseBreakGlass(command.EngineerId, command.RequestId), command.Until);
        return changed;
    }
}

/// <summary>Access to personal data began: a security event, once it is committed.</summary>
public sealed class StartBreakGlassRecorded(SecurityEvents security) : AfterCommit<StartBreakGlass>
{
    protected override Task RunAsync(StartBreakGlass command, CancellationToken cancellation)
    {
        security.Record(SecurityEvents.BreakGlassGranted, command.EngineerId, $"under change request {command.RequestId} until {command.Until:O}");
        return Task.CompletedTask;
    }
}
