using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.Accounts;

/// <summary>One row per customer account: its state. Contact details are personal data and join this view
/// only encrypted, with the per-customer keys of the personal-data design.</summary>
public sealed class AccountView
{
    public Guid AccountId { get; init; }

    public required string Status { get; set; }

    public bool EmailVerified { get; set; }

    public bool PersonalDataErased { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<AccountView> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.AccountId);
        account.Property(a => a.Status).HasMaxLength(20);
    }
}
