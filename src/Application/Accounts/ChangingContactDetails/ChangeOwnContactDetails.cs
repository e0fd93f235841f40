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

public sealed class ChangeOwnContactDetailsAuthorization() : CommandAuthorizationHandler<ChangeOwnContactDetails>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, ChangeOwnContactDetails command) => actor.Id == command.AccountId;
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
    public static Task<StreamChanged> Handle(
        ChangeOwnContactDetails command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, BlindIndex blindIndex,
        TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Account>(command.AccountId, expectedVersion: null, async account =>
        {
            // Refused as closed or erased before the key is asked for: an erased account has none.
            if (Account.CheckNotEnded(account) is { } refusal) return refusal;
            var key = await keys.GetAsync(command.AccountId, cancellation);
            var change = SealedContactDetails.Of(key, blindIndex, command.Phone, command.Address, changeRequestId: null);
            return Account.ChangeContactDetails(account, change, streams.Now);
        }, cancellation);
    }
}
