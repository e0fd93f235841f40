using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.Crews;

/// <summary>An admin puts an installer in a field crew (or moves them); the installer then sees that crew's jobs only.</summary>
public sealed class AssignCrewAuthorization() : CommandAuthorizationHandler<AssignCrew>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, AssignCrew command) => command.AssignedBy == actor.Id;
}

public sealed class AssignCrewValidator : AbstractValidator<AssignCrew>
{
    public AssignCrewValidator() => RuleFor(c => c.CrewId).NotEmpty();
}

public static class AssignCrewHandler
{
    public static Task<StreamChanged> Handle(
        AssignCrew command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.AssignCrew(employee, command, streams.Now), cancellation);
    }
}
