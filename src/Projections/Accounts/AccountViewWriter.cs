using JasperFx.Events;
using SolarEvents.Domain;
using SolarEvents.Domain.Accounts;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Accounts;

public sealed class AccountViewWriter : IReadModelWriter
{
    public async Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation)
    {
        if (stored.Data is AccountRegistered registered)
        {
            db.Accounts.Add(new AccountView
            {
                AccountId = stored.StreamId,
                Status = "Active",
                Email = registered.Email,
                EmailIndex = registered.EmailIndex,
                Name = registered.Name,
                Phone = registered.Phone,
                PhoneIndex = registered.PhoneIndex,
                Address = registered.Address,
                RegisteredAt = stored.Timestamp,
                Version = stored.Version,
                UpdatedAt = stored.Timestamp,
            });
            return;
        }

        if (!IsAccountEvent(stored.Data.GetType())) return;
        var account = await db.Accounts.FindAsync([stored.StreamId], cancellation)
                      ?? throw new InvalidOperationException($"Account {stored.StreamId} has no row.");
        switch (stored.Data)
        {
            case AccountContactDetailsChanged changed:
                (account.Phone, account.PhoneIndex, account.Address) = (changed.Phone, changed.PhoneIndex, changed.Address);
                break;
            case AccountEmailVerified:
                account.EmailVerified = true;
                break;
            case AccountSuspended:
                account.Status = "Suspended";
                break;
            case AccountReactivated:
                account.Status = "Active";
                break;
            case AccountClosed:
                account.Status = "Closed";
                break;
            case AccountPersonalDataErased:
                // The envelopes could no longer be opened anyway; dropping them and the indexes leaves nothing to find.
                account.PersonalDataErased = true;
                (account.Email, account.EmailIndex, account.Name) = (null, null, null);
                (account.Phone, account.PhoneIndex, account.Address) = (null, null, null);
                break;
        }

        account.Version = stored.Version;
        account.UpdatedAt = stored.Timestamp;
    }

    /// <summary>Whether events of this type belong to an account stream, by their cataloged name.</summary>
    internal static bool IsAccountEvent(Type eventType) => EventCatalog.StreamKindOf(eventType) == "account";
}
