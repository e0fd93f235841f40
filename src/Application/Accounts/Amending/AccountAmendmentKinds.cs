using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.Application.Accounts.Amending;

/// <summary>New phone and address for a customer, in the clear (over TLS); sealed with the customer's data key
/// before any event holds them.</summary>
public sealed record NewContactDetails(string Phone, string Address)
{
    /// <summary>Never the values, wherever a log might print them.</summary>
    public override string ToString() => nameof(NewContactDetails);
}

/// <summary>
/// The amendments made to accounts. Suspension and reactivation change whether the customer can sign in, in the
/// same commit; erasure (Compliance or an Admin) destroys the customer's data key, credential and sessions: the
/// events stay as they were, so history still replays and its hash chain still verifies, but every personal value
/// in it becomes unreadable and the projector blanks the read models.
/// </summary>
public static class AccountAmendmentKinds
{
    public static IReadOnlyList<IAmendmentKind> All { get; } =
    [
        new AmendmentKind<Account, NewContactDetails>
        {
            Category = _ => ChangeCategory.UpdateContactDetails,
            Decide = ChangeContactDetailsAsync,
            Rules = new()
            {
                v => v.RuleFor(c => c.Phone).NotEmpty().MaximumLength(40),
                v => v.RuleFor(c => c.Address).NotEmpty().MaximumLength(400),
            },
        },
        new AmendmentKind<Account, SuspendAccount>
        {
            Category = AccountAmendments.CategoryOf,
            Decide = (account, change, context) => ChangingCredential(Account.Suspend(account, change, context.Now), account, context,
                c => c with { Disabled = true, TokensValidAfter = context.Now }),
            Rules = new() { v => v.RuleFor(c => c.Reason).IsAnAmendmentReason() },
        },
        new AmendmentKind<Account, ReactivateAccount>
        {
            Category = AccountAmendments.CategoryOf,
            // The customer may sign in again; tokens from before the suspension stay void.
            Decide = (account, change, context) => ChangingCredential(Account.Reactivate(account, change, context.Now), account, context,
                c => c with { Disabled = false }),
            Rules = new() { v => v.RuleFor(c => c.Reason).IsAnAmendmentReason() },
        },
        new AmendmentKind<Account, ErasePersonalData>
        {
            Category = _ => ChangeCategory.ErasePersonalData,
            Capability = Capability.Erasure,
            Decide = EraseAsync,
            Rules = new(),
        },
    ];

    /// <summary>The values are sealed only once the account allows the change: an erased account has no key left,
    /// and must be refused as erased, not fail for want of one.</summary>
    private static async ValueTask<Decision> ChangeContactDetailsAsync(Account account, NewContactDetails change, AmendmentContext context)
    {
        if (Account.CheckNotEnded(account) is { } refusal) return refusal;
        var key = await context.Services.GetRequiredService<PersonalDataKeys>().GetAsync(account.Id, context.Cancellation);
        var sealedChange = SealedContactDetails.Of(key, context.Services.GetRequiredService<BlindIndex>(), change.Phone, change.Address,
            context.ChangeRequestId);
        return Account.ChangeContactDetails(account, sealedChange, context.Now);
    }

    private static async ValueTask<Decision> ChangingCredential(
        Decision decision, Account account, AmendmentContext context, Func<Credential, Credential> change)
    {
        if (decision.IsAccepted) await CredentialChanges.InSessionAsync(context.Session, account.Id, change, context.Cancellation);
        return decision;
    }

    private static async ValueTask<Decision> EraseAsync(Account account, ErasePersonalData change, AmendmentContext context)
    {
        var decision = Account.ErasePersonalData(account, change, context.Now);
        if (!decision.IsAccepted) return decision;
        var session = context.Session;
        await context.Services.GetRequiredService<PersonalDataKeys>().DestroyAsync(session, account.Id, context.Cancellation);
        session.Delete<Credential>(account.Id);
        session.DeleteWhere<OutboundMail>(mail => mail.RecipientId == account.Id); // unsent codes go with the key
        session.DeleteWhere<RefreshToken>(t => t.UserId == account.Id);
        return decision;
    }
}

/// <summary>Suspension, reactivation and erasure change whether the customer's tokens count: this instance forgets
/// what it cached about them once the change is committed (others within seconds).</summary>
public sealed class AccountStatusForgetsTokens(TokenRevocation revocation) : AfterCommit<Amend>
{
    protected override Task RunAsync(Amend command, CancellationToken cancellation)
    {
        if (command.Change is SuspendAccount or ReactivateAccount or ErasePersonalData) revocation.Forget(command.TargetId);
        return Task.CompletedTask;
    }
}
