using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.Offboarding;

public sealed class OffboardEmployeeAuthorization() : CommandAuthorizationHandler<OffboardEmployee>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, OffboardEmployee command) => command.OffboardedBy == actor.Id && command.EmployeeId != actor.Id;
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
        OffboardEmployee command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var changed = await streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.Offboard(employee, command, streams.Now), cancellation);
        await CredentialChanges.InSessionAsync(session, command.EmployeeId,
            c => c with { Disabled = true, TokensValidAfter = streams.Now, PasswordHash = null, Totp = new TotpState() }, cancellation);
        return changed;
    }
}

/// <summary>The employee's sign-in sessions end once the offboarding is committed.</summary>
public sealed class OffboardEmployeeEndsSessions(SignInSessions sessions) : AfterCommit<OffboardEmployee>
{
    protected override Task RunAsync(OffboardEmployee command, CancellationToken cancellation) =>
        sessions.EndAllAsync(command.EmployeeId, cancellation);
}
