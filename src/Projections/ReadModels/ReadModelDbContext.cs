using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.Accounts;
using SolarEvents.Projections.ChangeRequests;
using SolarEvents.Projections.Orders;
using SolarEvents.Projections.Timeline;

namespace SolarEvents.Projections.ReadModels;

/// <summary>The MySQL read side: what the apps read, and how far each projector got.</summary>
public class ReadModelDbContext : DbContext
{
    public ReadModelDbContext(DbContextOptions<ReadModelDbContext> options)
        : base(options)
    {
    }

    /// <summary>For derived contexts over the same tables under other names (the rebuild's shadow tables).</summary>
    protected ReadModelDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<OrderSummary> OrderSummaries => Set<OrderSummary>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<AccountView> Accounts => Set<AccountView>();

    public DbSet<ChangeRequestView> ChangeRequests => Set<ChangeRequestView>();

    public DbSet<ProjectorCheckpoint> Checkpoints => Set<ProjectorCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProjectorCheckpoint>(checkpoint =>
        {
            checkpoint.ToTable("projector_checkpoints");
            checkpoint.HasKey(c => c.ProjectorName);
            checkpoint.Property(c => c.ProjectorName).HasMaxLength(100);
        });
        OrderSummary.Configure(modelBuilder.Entity<OrderSummary>());
        TimelineEntry.Configure(modelBuilder.Entity<TimelineEntry>());
        AccountView.Configure(modelBuilder.Entity<AccountView>());
        ChangeRequestView.Configure(modelBuilder.Entity<ChangeRequestView>());
    }
}

/// <summary>The last event sequence a projector has written. It is updated in the same transaction as the
/// rows it covers, so after a crash the projector neither skips nor repeats an event.</summary>
public sealed class ProjectorCheckpoint
{
    public required string ProjectorName { get; init; }

    public long LastSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
