using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Identity.Registering;

/// <summary>
/// Self-registration. The password arrives already checked against the policy and hashed (the plaintext
/// never travels through the bus); <paramref name="AccountId"/> is chosen by the server.
/// </summary>
public sealed record RegisterCustomer(Guid AccountId, string Email, string PasswordHash, string Name, string Phone, string Address)
    : IAnonymousCommand
{
    public Actor SelfActor => new(AccountId, Roles.Customer);

    /// <summary>Never the email, personal fields or hash, wherever a log might print the command.</summary>
    public override string ToString() => $"{nameof(RegisterCustomer)} {{ {nameof(AccountId)} = {AccountId} }}";
}

public enum RegistrationOutcome
{
    Registered,
    AlreadyRegistered,
}

/// <summary>Registering is for people who are not signed in; a signed-in caller has an account already.</summary>
public sealed class RegisterCustomerAuthorization : AnonymousCommandAuthorizationHandler<RegisterCustomer>
{
    protected override bool IsAllowed(Actor? actor, RegisterCustomer command) => actor is null;
}

public sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomer>
{
    public RegisterCustomerValidator()
    {
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.PasswordHash).NotEmpty();
        RuleFor(c => c.Name).NotNull().MaximumLength(200);
        RuleFor(c => c.Phone).NotNull().MaximumLength(40);
        RuleFor(c => c.Address).NotNull().MaximumLength(400);
    }
}

/// <summary>
/// An address already in use gets the same answer as a new one (the API says "accepted" either way), so
/// registration cannot be used to find out who is a customer. The customer's data key is made here and commits
/// with the stream: no personal value is ever stored without the key that opens it, or unsealed. The mail with the
/// code that verifies the address commits with them too.
/// </summary>
public static class RegisterCustomerHandler
{
    public static async Task<RegistrationOutcome> Handle(
        RegisterCustomer command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, BlindIndex blindIndex,
        IdentityOptions options, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var login = blindIndex.OfEmail(command.Email);
        if (await session.Query<Credential>().AnyAsync(c => c.LoginIndex == login, cancellation))
            return streams.Answer(RegistrationOutcome.AlreadyRegistered);

        var key = await keys.CreateAsync(session, command.AccountId, cancellation);
        var account = new RegisterAccount(
            command.AccountId,
            key.Seal(BlindIndex.NormalizeEmail(command.Email)), login,
            key.Seal(command.Name),
            key.Seal(command.Phone), blindIndex.OfPhone(command.Phone),
            key.Seal(command.Address));
        var now = streams.Now;
        streams.Start<Account>(command.AccountId, Account.Register(account, now));
        var verification = CustomerMails.QueueVerification(session, key, account.Email, TimeSpan.FromHours(options.EmailVerificationCodeHours), now);
        session.Store(new Credential
        {
            Id = command.AccountId, LoginIndex = login, Kind = PrincipalKind.Customer, PasswordHash = command.PasswordHash,
            EmailVerification = verification,
        });
        return streams.Answer(RegistrationOutcome.Registered);
    }
}

/// <summary>What a person fills in to become a customer.</summary>
public sealed record RegistrationForm(string Email, string Password, string? Name, string? Phone, string? Address)
{
    /// <summary>Never the values, wherever a log might print the form.</summary>
    public override string ToString() => nameof(RegistrationForm);
}

/// <summary>
/// Self-registration as a use case: the password must pass the policy (else a validation error naming
/// <c>Password</c>) and is hashed here, so only the hash travels through the bus. The same answer comes back
/// whether the address was new or taken, including when the same address registered concurrently.
/// </summary>
public sealed class CustomerRegistration(CommandSender commands, PasswordHasher hasher)
{
    public async Task RegisterAsync(RegistrationForm form, IdempotencyKey? key, CancellationToken cancellation)
    {
        if (PasswordPolicy.Check(form.Password) is { Count: > 0 } problems)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["Password"] = [.. problems] });

        var command = new RegisterCustomer(
            Guid.CreateVersion7(), form.Email, hasher.Hash(form.Password), form.Name ?? "", form.Phone ?? "", form.Address ?? "");
        try
        {
            await commands.SendAsync<RegistrationOutcome>(command, command.AccountId, expectedVersion: null, key, cancellation);
        }
        catch (StreamVersionConflictException)
        {
            // The same address registered concurrently: answered like any taken address.
        }
    }
}
