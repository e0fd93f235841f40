using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Accounts.VerifyingEmail;

/// <summary>A fresh code for a customer whose mail got lost or whose code lapsed; the previous code stops working.</summary>
public sealed record ResendEmailVerification(Guid AccountId);

public sealed class ResendEmailVerificationAuthorization() : CommandAuthorizationHandler<ResendEmailVerification>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, ResendEmailVerification command) => actor.Id == command.AccountId;
}

public static class ResendEmailVerificationHandler
{
    /// <summary>Appends no event: a new code is a credential and a mail, not a change of the account.</summary>
    public static async Task<Acknowledged> Handle(
        ResendEmailVerification command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, IdentityOptions options,
        TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var account = await session.Events.AggregateStreamAsync<Account>(command.AccountId, token: cancellation)
            ?? throw new StreamNotFoundException(command.AccountId);
        var now = streams.Now;
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
        return streams.Answer(new Acknowledged());
    }
}
