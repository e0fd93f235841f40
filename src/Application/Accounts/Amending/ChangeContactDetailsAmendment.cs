using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using Wolverine;

namespace SolarEvents.Application.Accounts.Amending;

/// <summary><paramref name="Phone"/> and <paramref name="Address"/> arrive in the clear (over TLS) and are sealed
/// with the customer's data key by the handler, before any event holds them.</summary>
public sealed record ChangeContactDetailsAmendment(
    Guid AccountId, Guid ChangeRequestId, long ExpectedVersion, string Phone, string Address) : IAmendment
{
    public Guid TargetId => AccountId;

    /// <summary>Never the phone number or address, wherever a log might print the command.</summary>
    public override string ToString() =>
        $"{nameof(ChangeContactDetailsAmendment)} {{ {nameof(AccountId)} = {AccountId}, {nameof(ChangeRequestId)} = {ChangeRequestId} }}";
}

public sealed class ChangeContactDetailsAmendmentAuthorization : CommandAuthorizationHandler<ChangeContactDetailsAmendment>
{
    protected override bool IsAllowed(Actor actor, ChangeContactDetailsAmendment command) => Amendment.MayAmend(actor);
}

public sealed class ChangeContactDetailsAmendmentValidator : AbstractValidator<ChangeContactDetailsAmendment>
{
    public ChangeContactDetailsAmendmentValidator()
    {
        this.IncludeAmendmentRules();
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Address).NotEmpty().MaximumLength(400);
    }
}

public static class ChangeContactDetailsAmendmentHandler
{
    /// <summary>The values are sealed only once the request and the account allow the change: an erased account
    /// has no key left, and must be refused as erased, not fail for want of one.</summary>
    public static Task<StreamChanged> Handle(
        ChangeContactDetailsAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        PersonalDataKeys keys, BlindIndex blindIndex, TimeProvider clock, CancellationToken cancellation)
    {
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Account>(
            command, ChangeCategory.UpdateContactDetails, Decide, cancellation);

        async ValueTask<Decision> Decide(Account account, DateTimeOffset now)
        {
            if (Account.CheckNotEnded(account) is { } refusal) return refusal;
            var key = await keys.GetAsync(account.Id, cancellation);
            var change = SealedContactDetails.Of(key, blindIndex, command.Phone, command.Address, command.ChangeRequestId);
            return Account.ChangeContactDetails(account, change, now);
        }
    }
}
