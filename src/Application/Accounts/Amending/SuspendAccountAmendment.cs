using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Common;
using Wolverine;

namespace SolarEvents.Application.Accounts.Amending;

/// <summary>Locks the customer out: always under an approved request (SuspendAccount is sensitive). The credential is
/// disabled in the same transaction, so the customer can neither sign in nor refresh, and tokens already issued stop
/// counting (within the few seconds another API instance may have their state cached).</summary>
public sealed record SuspendAccountAmendment(Guid AccountId, Guid ChangeRequestId, long ExpectedVersion, string Reason) : IAmendment
{
    public Guid TargetId => AccountId;
}

public sealed class SuspendAccountAmendmentAuthorization : CommandAuthorizationHandler<SuspendAccountAmendment>
{
    protected override bool IsAllowed(Actor actor, SuspendAccountAmendment command) => Amendment.MayAmend(actor);
}

public sealed class SuspendAccountAmendmentValidator : AbstractValidator<SuspendAccountAmendment>
{
    public SuspendAccountAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class SuspendAccountAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        SuspendAccountAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new SuspendAccount(command.AccountId, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Account>(
            command, AccountAmendments.CategoryOf(change), Decide, cancellation);

        async ValueTask<Decision> Decide(Account account, DateTimeOffset now)
        {
            var decision = Account.Suspend(account, change, now);
            if (decision.IsAccepted) await CredentialChanges.InSessionAsync(session, account.Id, c => c with { Disabled = true, TokensValidAfter = now }, cancellation);
            return decision;
        }
    }
}
