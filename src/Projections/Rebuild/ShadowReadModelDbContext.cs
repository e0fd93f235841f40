using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Rebuild;

/// <summary>The read models under their shadow names, where a rebuild writes before the swap. The checkpoint
/// table is shared: it is never rebuilt, only moved forward.</summary>
public sealed class ShadowReadModelDbContext(DbContextOptions<ShadowReadModelDbContext> options) : ReadModelDbContext(options)
{
    public const string Suffix = "__shadow";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType != typeof(ProjectorCheckpoint)))
        {
            entity.SetTableName(entity.GetTableName() + Suffix);
        }
    }
}
