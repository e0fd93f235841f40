using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.RevokingRoles;

public sealed class RevokeRoleAuthorization : CommandAuthorizationHandler<RevokeRole>
{
    protected override bool IsAllowed(Actor actor, RevokeRole command) =>
        actor.Role == Roles.Admin && command.RevokedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class RevokeRoleValidator : AbstractValidator<RevokeRole>
{
    public RevokeRoleValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>The revocation event and the end of the employee's current access tokens commit together.</summary>
public static class RevokeRoleHandler
{
    public static async Task<StreamChanged> Handle(RevokeRole command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var changed = await EmployeeStreams.DecideAsync(session, command.EmployeeId, employee => Employee.RevokeRole(employee, command, now), cancellation);
        await CredentialChanges.InSessionAsync(session, command.EmployeeId, c => c with { TokensValidAfter = now }, cancellation);
        return changed;
    }
}
