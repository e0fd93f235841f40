using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.Accounts;

/// <summary>
/// One row per customer account: its state and its personal fields exactly as the events hold them, sealed
/// envelopes that only the API (with the customer's data key) opens, and only for callers allowed to see them.
/// The blind indexes let staff find an account by email or phone. Erasure blanks all of them.
/// </summary>
public sealed class AccountView
{
    public Guid AccountId { get; init; }

    public required string Status { get; set; }

    public bool EmailVerified { get; set; }

    public bool PersonalDataErased { get; set; }

    public string? Email { get; set; }

    public string? EmailIndex { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? PhoneIndex { get; set; }

    public string? Address { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<AccountView> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.AccountId);
        account.Property(a => a.Status).HasMaxLength(20);
        account.Property(a => a.EmailIndex).HasMaxLength(64);
        account.Property(a => a.PhoneIndex).HasMaxLength(64);
        account.HasIndex(a => a.EmailIndex);
        account.HasIndex(a => a.PhoneIndex);
    }
}
