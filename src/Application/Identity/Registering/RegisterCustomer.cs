using FluentValidation;
using Marten;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Mail;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
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
        RegisterCustomer command, IDocumentSession session, PersonalDataKeys keys, BlindIndex blindIndex, IdentityOptions options,
        TimeProvider clock, CancellationToken cancellation)
    {
        var login = blindIndex.OfEmail(command.Email);
        if (await session.Query<Credential>().AnyAsync(c => c.LoginIndex == login, cancellation)) return RegistrationOutcome.AlreadyRegistered;

        var key = await keys.CreateAsync(session, command.AccountId, cancellation);
        var account = new RegisterAccount(
            command.AccountId,
            key.Seal(BlindIndex.NormalizeEmail(command.Email)), login,
            key.Seal(command.Name),
            key.Seal(command.Phone), blindIndex.OfPhone(command.Phone),
            key.Seal(command.Address));
        var now = clock.GetUtcNow();
        var events = Account.Register(account, now).ThrowIfRejected();
        session.Events.StartStream<Account>(command.AccountId, events);
        var verification = CustomerMails.QueueVerification(session, key, account.Email, TimeSpan.FromHours(options.EmailVerificationCodeHours), now);
        session.Store(new Credential
        {
            Id = command.AccountId, LoginIndex = login, Kind = PrincipalKind.Customer, PasswordHash = command.PasswordHash,
            EmailVerification = verification,
        });
        return RegistrationOutcome.Registered;
    }
}
