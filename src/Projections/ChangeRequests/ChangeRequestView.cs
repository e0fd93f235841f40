using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.ChangeRequests;

/// <summary>One row per change request: the support queue and the head of a request's trail.</summary>
public sealed class ChangeRequestView
{
    public Guid RequestId { get; init; }

    public Guid TargetStreamId { get; init; }

    public required string Categories { get; init; }

    public required string Status { get; set; }

    public Guid OpenedBy { get; init; }

    public required string Reason { get; init; }

    public required string CustomerContactReference { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The global sequence of the opening event: the keyset that pages are cut on.</summary>
    public long Position { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public Guid? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public int AppliedChanges { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<ChangeRequestView> request)
    {
        request.ToTable("change_requests");
        request.HasKey(r => r.RequestId);
        request.HasIndex(r => r.Position).IsUnique();
        request.HasIndex(r => new { r.Status, r.Position });
        request.HasIndex(r => r.TargetStreamId);
        request.Property(r => r.Categories).HasMaxLength(300);
        request.Property(r => r.Status).HasMaxLength(20);
        request.Property(r => r.Reason).HasMaxLength(1000);
        request.Property(r => r.CustomerContactReference).HasMaxLength(100);
    }
}
