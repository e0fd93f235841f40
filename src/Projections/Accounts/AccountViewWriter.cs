using JasperFx.Events;
using SolarEvents.Domain.Accounts;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Accounts;

public sealed class AccountViewWriter : IReadModelWriter
{
    public async Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation)
    {
        if (stored.Data is AccountRegistered)
        {
            db.Accounts.Add(new AccountView
            {
                AccountId = stored.StreamId,
                Status = "Active",
                RegisteredAt = stored.Timestamp,
                Version = stored.Version,
                UpdatedAt = stored.Timestamp,
            });
            return;
        }

        if (stored.Data.GetType().Namespace != typeof(AccountRegistered).Namespace) return;
        var account = await db.Accounts.FindAsync([stored.StreamId], cancellation)
                      ?? throw new InvalidOperationException($"Account {stored.StreamId} has no row.");
        switch (stored.Data)
        {
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
                account.PersonalDataErased = true;
                break;
        }

        account.Version = stored.Version;
        account.UpdatedAt = stored.Timestamp;
    }
}
