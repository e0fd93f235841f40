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

/// <summary>Lets a suspended customer back in; not sensitive, so an open request covering it is enough.</summary>
public sealed record ReactivateAccountAmendment(Guid AccountId, Guid ChangeRequestId, long ExpectedVersion, string Reason) : IAmendment
{
    public Guid TargetId => AccountId;
}

public sealed class ReactivateAccountAmendmentAuthorization : CommandAuthorizationHandler<ReactivateAccountAmendment>
{
    protected override bool IsAllowed(Actor actor, ReactivateAccountAmendment command) => Amendment.MayAmend(actor);
}

public sealed class ReactivateAccountAmendmentValidator : AbstractValidator<ReactivateAccountAmendment>
{
    public ReactivateAccountAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
    }
}

public static class ReactivateAccountAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        ReactivateAccountAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new ReactivateAccount(command.AccountId, command.Reason, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Account>(
            command, AccountAmendments.CategoryOf(change), Decide, cancellation);

        // The customer may sign in again; tokens from before the suspension stay void.
        async ValueTask<Decision> Decide(Account account, DateTimeOffset now)
        {
            var decision = Account.Reactivate(account, change, now);
            if (decision.IsAccepted) await CredentialChanges.InSessionAsync(session, account.Id, c => c with { Disabled = false }, cancellation);
            return decision;
        }
    }
}
