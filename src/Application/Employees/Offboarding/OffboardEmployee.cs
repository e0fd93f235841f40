using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.Offboarding;

public sealed class OffboardEmployeeAuthorization : CommandAuthorizationHandler<OffboardEmployee>
{
    protected override bool IsAllowed(Actor actor, OffboardEmployee command) =>
        actor.Role == Roles.Admin && command.OffboardedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class OffboardEmployeeValidator : AbstractValidator<OffboardEmployee>
{
    public OffboardEmployeeValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>The offboarding events and the disabled credential commit together; from then on no access
/// token of the employee passes, and no refresh token or password works.</summary>
public static class OffboardEmployeeHandler
{
    public static async Task<StreamChanged> Handle(
        OffboardEmployee command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var changed = await EmployeeStreams.DecideAsync(session, command.EmployeeId, employee => Employee.Offboard(employee, command, now), cancellation);
        await CredentialChanges.InSessionAsync(session, command.EmployeeId,
            c => c with { Disabled = true, TokensValidAfter = now, PasswordHash = null, Totp = new TotpState() }, cancellation);
        return changed;
    }
}
