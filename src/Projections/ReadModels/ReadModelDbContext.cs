using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.Orders;

namespace SolarEvents.Projections.ReadModels;

/// <summary>The MySQL read side: what the apps read, and how far each projector got.</summary>
public sealed class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options) : DbContext(options)
{
    public DbSet<OrderSummary> OrderSummaries => Set<OrderSummary>();

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
