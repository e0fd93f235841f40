using System.Security.Cryptography;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Mfa;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.Onboarding;

/// <summary>The one-time code the admin hands the new employee (shown once, stored hashed).</summary>
public sealed record EmployeeOnboardedResult(Guid EmployeeId, string ActivationCode, DateTimeOffset ActivationExpiresAt);

public sealed class OnboardEmployeeAuthorization() : CommandAuthorizationHandler<OnboardEmployee>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, OnboardEmployee command) => command.OnboardedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class OnboardEmployeeValidator : AbstractValidator<OnboardEmployee>
{
    public OnboardEmployeeValidator()
    {
        RuleFor(c => c.EmployeeId).NotEmpty();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.WorkEmail).NotEmpty().MaximumLength(254).EmailAddress();
    }
}

/// <summary>Starts the Employee stream (no roles yet: each grant is its own command and event) and the
/// credential, which the employee activates with the code.</summary>
public static class OnboardEmployeeHandler
{
    public const string LoginNameTaken = "login-name-taken";
    private const string CodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static async Task<EmployeeOnboardedResult> Handle(
        OnboardEmployee command, IDocumentSession session, Envelope envelope, IdentityOptions options, BlindIndex blindIndex,
        PersonalDataKeys keys, TimeProvider clock, CancellationToken cancellation)
    {
        var login = blindIndex.OfEmail(command.WorkEmail);
        if (await session.Query<Credential>().AnyAsync(c => c.LoginIndex == login, cancellation))
            throw new DomainRuleViolatedException(new DomainError(LoginNameTaken, "Another account signs in with that email address."));

        var streams = CommandStreams.For(session, envelope, clock);
        var now = streams.Now;
        streams.Start<Employee>(command.EmployeeId, Employee.Onboard(command with { WorkEmail = BlindIndex.NormalizeEmail(command.WorkEmail) }, now));
        var code = RandomNumberGenerator.GetString(CodeAlphabet, 24);
        var expires = now.AddHours(options.ActivationCodeHours);
        // The employee's key seals their TOTP secret once they activate.
        await keys.CreateAsync(session, command.EmployeeId, cancellation);
        session.Store(new Credential
        {
            Id = command.EmployeeId, LoginIndex = login, Kind = PrincipalKind.Employee,
            ActivationCodeHash = TotpCodes.HashCode(code), ActivationExpiresAt = expires,
        });
        return streams.Answer(new EmployeeOnboardedResult(command.EmployeeId, code, expires));
    }
}
