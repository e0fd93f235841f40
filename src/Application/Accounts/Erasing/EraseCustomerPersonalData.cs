using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Mail;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using Wolverine;

namespace SolarEvents.Application.Accounts.Erasing;

/// <summary>The right to be forgotten, carried out by Compliance or an Admin under a change request that a support
/// agent opened (category <see cref="ChangeCategory.ErasePersonalData"/>) and someone else approved.</summary>
public sealed record EraseCustomerPersonalData(Guid AccountId, Guid ChangeRequestId, long ExpectedVersion) : IAmendment
{
    public Guid TargetId => AccountId;
}

public sealed class EraseCustomerPersonalDataAuthorization : CommandAuthorizationHandler<EraseCustomerPersonalData>
{
    protected override bool IsAllowed(Actor actor, EraseCustomerPersonalData command) =>
        actor.Role is Roles.Compliance or Roles.Admin;
}

public sealed class EraseCustomerPersonalDataValidator : AbstractValidator<EraseCustomerPersonalData>
{
    public EraseCustomerPersonalDataValidator() => this.IncludeAmendmentRules();
}

/// <summary>
/// One transaction: the account records <see cref="AccountPersonalDataErased"/> (closing it first if it was
/// open), the customer's data key is replaced by a tombstone, and the credential and sessions go. The events
/// stay as they were, so the history still replays and its hash chain still verifies; every personal value in
/// it becomes unreadable, and the projector blanks the read models.
/// </summary>
public static class EraseCustomerPersonalDataHandler
{
    public static Task<StreamChanged> Handle(
        EraseCustomerPersonalData command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        PersonalDataKeys keys, TimeProvider clock, CancellationToken cancellation)
    {
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Account>(
            command, ChangeCategory.ErasePersonalData, Decide, cancellation);

        async ValueTask<Decision> Decide(Account account, DateTimeOffset now)
        {
            var decision = Account.ErasePersonalData(account, new ErasePersonalData(account.Id), now);
            if (!decision.IsAccepted) return decision;
            await keys.DestroyAsync(session, account.Id, cancellation);
            session.Delete<Credential>(account.Id);
            session.DeleteWhere<OutboundMail>(mail => mail.RecipientId == account.Id); // unsent codes go with the key
            session.DeleteWhere<RefreshToken>(t => t.UserId == account.Id);
            return decision;
        }
    }
}
