using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Messaging;
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

public sealed class VerifyOwnEmailAuthorization : CommandAuthorizationHandler<VerifyOwnEmail>
{
    protected override bool IsAllowed(Actor actor, VerifyOwnEmail command) =>
        actor.Role == Roles.Customer && actor.Id == command.AccountId;
}

public sealed class VerifyOwnEmailValidator : AbstractValidator<VerifyOwnEmail>
{
    public VerifyOwnEmailValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(64);
}

public static class VerifyOwnEmailHandler
{
    /// <summary>Returns normally on a wrong code, so the session commits the counted miss.</summary>
    public static async Task<EmailVerificationOutcome> Handle(
        VerifyOwnEmail command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Account>(command.AccountId, cancellation);
        var account = stream.Aggregate ?? throw new StreamNotFoundException(command.AccountId);
        var now = clock.GetUtcNow();
        // An address verified already, or an account closed, is refused before the code counts.
        var events = Account.VerifyEmail(account, new VerifyEmail(account.Id), now).ThrowIfRejected();
        var credential = await session.LoadAsync<Credential>(command.AccountId, cancellation)
            ?? throw new StreamNotFoundException(command.AccountId);
        if (credential.EmailVerification is not { } code || !code.Matches(command.Code, now))
        {
            if (credential.EmailVerification is { } missed) session.Store(credential with { EmailVerification = missed.Missed() });
            return new EmailVerificationOutcome(null);
        }

        stream.AppendMany(events);
        session.Store(credential with { EmailVerification = null });
        return new EmailVerificationOutcome(new StreamChanged(command.AccountId, stream.CurrentVersion!.Value + events.Count));
    }
}
