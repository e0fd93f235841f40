using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using Wolverine;

namespace SolarEvents.Application.Accounts.Amending;

/// <summary><paramref name="Phone"/> and <paramref name="Address"/> are opaque here: encrypting them with the
/// customer's data key happens before they reach events (a separate concern), so only their size is checked.</summary>
public sealed record ChangeContactDetailsAmendment(
    Guid AccountId, Guid ChangeRequestId, long ExpectedVersion, string Phone, string Address) : IAmendment
{
    public Guid TargetId => AccountId;
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
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Address).NotEmpty().MaximumLength(2000);
    }
}

public static class ChangeContactDetailsAmendmentHandler
{
    public static Task<StreamChanged> Handle(
        ChangeContactDetailsAmendment command, IDocumentSession session, ICallerContext caller, Envelope envelope,
        TimeProvider clock, CancellationToken cancellation)
    {
        var change = new ChangeContactDetails(command.AccountId, command.Phone, command.Address, command.ChangeRequestId);
        return new Amendment(session, caller, envelope, clock).ApplyAsync<Account>(
            command, AccountAmendments.CategoryOf(change), (account, now) => Account.ChangeContactDetails(account, change, now), cancellation);
    }
}
