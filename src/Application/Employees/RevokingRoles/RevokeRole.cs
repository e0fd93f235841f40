using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.RevokingRoles;

public sealed class RevokeRoleAuthorization() : CommandAuthorizationHandler<RevokeRole>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, RevokeRole command) => command.RevokedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class RevokeRoleValidator : AbstractValidator<RevokeRole>
{
    public RevokeRoleValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>The revocation event and the end of the employee's current access tokens commit together.</summary>
public static class RevokeRoleHandler
{
    public static async Task<StreamChanged> Handle(
        RevokeRole command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var changed = await streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.RevokeRole(employee, command, streams.Now), cancellation);
        await CredentialChanges.InSessionAsync(session, command.EmployeeId, c => c with { TokensValidAfter = streams.Now }, cancellation);
        return changed;
    }
}

/// <summary>This instance forgets what it cached about the employee's tokens at once (others within seconds).</summary>
public sealed class RevokeRoleForgetsTokens(TokenRevocation revocation) : AfterCommit<RevokeRole>
{
    protected override Task RunAsync(RevokeRole command, CancellationToken cancellation)
    {
        revocation.Forget(command.EmployeeId);
        return Task.CompletedTask;
    }
}
