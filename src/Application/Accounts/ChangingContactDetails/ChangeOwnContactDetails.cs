using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;

namespace SolarEvents.Application.Accounts.ChangingContactDetails;

/// <summary>A customer changes their own phone number and address. The API re-authenticates them with their
/// password first (docs/security.md); the values are sealed with their data key before any event holds them.</summary>
public sealed record ChangeOwnContactDetails(Guid AccountId, string Phone, string Address)
{
    /// <summary>Never the phone number or address, wherever a log might print the command.</summary>
    public override string ToString() => $"{nameof(ChangeOwnContactDetails)} {{ {nameof(AccountId)} = {AccountId} }}";
}

public sealed class ChangeOwnContactDetailsAuthorization : CommandAuthorizationHandler<ChangeOwnContactDetails>
{
    protected override bool IsAllowed(Actor actor, ChangeOwnContactDetails command) =>
        actor.Role == Roles.Customer && actor.Id == command.AccountId;
}

public sealed class ChangeOwnContactDetailsValidator : AbstractValidator<ChangeOwnContactDetails>
{
    public ChangeOwnContactDetailsValidator()
    {
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Address).NotEmpty().MaximumLength(400);
    }
}

public static class ChangeOwnContactDetailsHandler
{
    public static async Task<StreamChanged> Handle(
        ChangeOwnContactDetails command, IDocumentSession session, PersonalDataKeys keys, BlindIndex blindIndex, TimeProvider clock,
        CancellationToken cancellation)
    {
        var account = await session.Events.FetchForWriting<Account>(command.AccountId, cancellation);
        if (account.Aggregate is null) throw new StreamNotFoundException(command.AccountId);
        var now = clock.GetUtcNow();
        // Refused as closed or erased before the key is asked for: an erased account has none.
        Account.CheckNotEnded(account.Aggregate)?.ThrowIfRejected();
        var key = await keys.GetAsync(command.AccountId, cancellation);
        var change = SealedContactDetails.Of(key, blindIndex, command.Phone, command.Address, changeRequestId: null);
        var events = Account.ChangeContactDetails(account.Aggregate, change, now).ThrowIfRejected();
        var version = account.CurrentVersion!.Value + events.Count;
        account.AppendMany(events);
        return new StreamChanged(command.AccountId, version);
    }
}
