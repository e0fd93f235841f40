using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Mail;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Accounts.VerifyingEmail;

/// <summary>A fresh code for a customer whose mail got lost or whose code lapsed; the previous code stops working.</summary>
public sealed record ResendEmailVerification(Guid AccountId);

public sealed class ResendEmailVerificationAuthorization : CommandAuthorizationHandler<ResendEmailVerification>
{
    protected override bool IsAllowed(Actor actor, ResendEmailVerification command) =>
        actor.Role == Roles.Customer && actor.Id == command.AccountId;
}

public static class ResendEmailVerificationHandler
{
    public static async Task Handle(
        ResendEmailVerification command, IDocumentSession session, PersonalDataKeys keys, IdentityOptions options, TimeProvider clock,
        CancellationToken cancellation)
    {
        var account = await session.Events.AggregateStreamAsync<Account>(command.AccountId, token: cancellation)
            ?? throw new StreamNotFoundException(command.AccountId);
        var now = clock.GetUtcNow();
        // Only when verifying could still succeed: not for an address verified already, nor a closed account.
        Account.VerifyEmail(account, new VerifyEmail(account.Id), now).ThrowIfRejected();
        var credential = await session.LoadAsync<Credential>(command.AccountId, cancellation)
            ?? throw new StreamNotFoundException(command.AccountId);
        // The address is the login and never changes: the registration holds it, sealed.
        var registered = (await session.Events.FetchStreamAsync(command.AccountId, version: 1, token: cancellation))
            .Select(e => e.Data).OfType<AccountRegistered>().Single();
        var key = await keys.GetAsync(command.AccountId, cancellation);
        var code = CustomerMails.QueueVerification(session, key, registered.Email, TimeSpan.FromHours(options.EmailVerificationCodeHours), now);
        session.Store(credential with { EmailVerification = code });
    }
}
