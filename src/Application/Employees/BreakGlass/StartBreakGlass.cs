using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using Wolverine;

namespace SolarEvents.Application.Employees.BreakGlass;

/// <summary>
/// The engineer uses their approved request: access to that one account's personal data until <see cref="Until"/>
/// (at most 8 hours). The request is used up: it is closed in the same transaction, its outcome naming the access it
/// gave, and the access lapses by itself at <see cref="Until"/> (a durable scheduled message).
/// </summary>
public sealed record StartBreakGlass(Guid EngineerId, Guid RequestId, DateTimeOffset Until);

public sealed class StartBreakGlassAuthorization : CommandAuthorizationHandler<StartBreakGlass>
{
    protected override bool IsAllowed(Actor actor, StartBreakGlass command) =>
        actor.Role == Roles.Engineer && actor.Id == command.EngineerId;
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
        var now = clock.GetUtcNow();
        var requestStream = await ChangeRequestStreams.FetchAsync(session, command.RequestId, expectedVersion: null, cancellation);
        var request = requestStream.Aggregate!;
        SupportRules.Sharpen(
            ChangeRequest.Authorize(request, command.EngineerId, request.TargetStreamId, ChangeCategory.BreakGlassAccess, now), request)
            .ThrowIfRejected();

        var changed = await EmployeeStreams.DecideAsync(session, command.EngineerId, employee => Employee.GrantBreakGlass(
            employee, new GrantBreakGlass(command.EngineerId, request.TargetStreamId, command.RequestId, command.Until), now), cancellation);
        requestStream.AppendMany(ChangeRequest.Close(request, new CloseChangeRequest(command.RequestId, command.EngineerId,
            $"Break-glass access granted until {command.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC."), now).ThrowIfRejected());
        await messages.ScheduleAsync(new LapseBreakGlass(command.EngineerId, command.RequestId), command.Until);
        return session.Remember(envelope, changed, now);
    }
}
