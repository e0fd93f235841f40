using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Accounts.VerifyingEmail;

/// <summary>A signed-in customer enters the code mailed to them at registration: it proves the address is theirs.</summary>
public sealed record VerifyOwnEmail(Guid AccountId, string Code)
{
    /// <summary>Never the code, wherever a log might print the command.</summary>
    public override string ToString() => $"{nameof(VerifyOwnEmail)} {{ {nameof(AccountId)} = {AccountId} }}";
}

/// <summary><see cref="Changed"/> is null when the code was wrong, used up or expired (that miss is recorded).</summary>
public sealed record EmailVerificationOutcome(StreamChanged? Changed);

public sealed class VerifyOwnEmailAuthorization() : CommandAuthorizationHandler<VerifyOwnEmail>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, VerifyOwnEmail command) => actor.Id == command.AccountId;
}

public sealed class VerifyOwnEmailValidator : AbstractValidator<VerifyOwnEmail>
{
    public VerifyOwnEmailValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(64);
}

public static class VerifyOwnEmailHandler
{
    /// <summary>A wrong code appends nothing but returns normally, so the session commits the counted miss.</summary>
    public static async Task<EmailVerificationOutcome> Handle(
        VerifyOwnEmail command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        // The credential before the account: a twin that verified meanwhile then shows in the account's version.
        var credential = await session.LoadAsync<Credential>(command.AccountId, cancellation)
            ?? throw new StreamNotFoundException(command.AccountId);
        var matched = false;
        var changed = await streams.DecideAsync<Account>(command.AccountId, expectedVersion: null, account =>
        {
            // An address verified already, or an account closed, is refused before the code counts.
            var decision = Account.VerifyEmail(account, new VerifyEmail(account.Id), streams.Now);
            if (!decision.IsAccepted) return decision;
            matched = credential.EmailVerification is { } code && code.Matches(command.Code, streams.Now);
            if (matched) session.Store(credential with { EmailVerification = null });
            else if (credential.EmailVerification is { } missed) session.Store(credential with { EmailVerification = missed.Missed() });
            return matched ? decision : Decision.Accept();
        }, cancellation);
        return streams.Answer(new EmailVerificationOutcome(matched ? changed : null));
    }
}
