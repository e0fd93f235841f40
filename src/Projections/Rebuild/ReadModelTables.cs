using Microsoft.EntityFrameworkCore;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Rebuild;

/// <summary>
/// The DDL of a rebuild. Table names come from our own EF Core model, never from input, and DDL takes no
/// parameters: that is why these statements are composed, and the only place in the code that does so.
/// </summary>
public static class ReadModelTables
{
    private const string OldSuffix = "__old";

    public static IReadOnlyList<string> Rebuilt(ReadModelDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => e.ClrType != typeof(ProjectorCheckpoint))
            .Select(e => e.GetTableName()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task CreateShadowsAsync(ReadModelDbContext db, IReadOnlyList<string> tables, CancellationToken cancellation)
    {
        foreach (var table in tables)
        {
            var shadow = Quote(table + ShadowReadModelDbContext.Suffix);
            await ExecuteAsync(db, "DROP TABLE IF EXISTS " + shadow, cancellation);
            await ExecuteAsync(db, "CREATE TABLE " + shadow + " LIKE " + Quote(table), cancellation);
        }
    }

    /// <summary>One RENAME TABLE statement swaps every table at once: readers see the old set or the new set,
    /// never a mix, and never a missing table.</summary>
    public static async Task SwapInShadowsAsync(ReadModelDbContext db, IReadOnlyList<string> tables, CancellationToken cancellation)
    {
        var renames = tables.SelectMany(table => new[]
        {
            Quote(table) + " TO " + Quote(table + OldSuffix),
            Quote(table + ShadowReadModelDbContext.Suffix) + " TO " + Quote(table),
        });
        await ExecuteAsync(db, "RENAME TABLE " + string.Join(", ", renames), cancellation);
        foreach (var table in tables) await ExecuteAsync(db, "DROP TABLE " + Quote(table + OldSuffix), cancellation);
    }

    private static Task<int> ExecuteAsync(ReadModelDbContext db, string ddl, CancellationToken cancellation) =>
        db.Database.ExecuteSqlRawAsync(ddl, cancellation);

    /// <summary>Backquotes a table name after checking it is one of ours in shape: lower-case letters and underscores.</summary>
    private static string Quote(string identifier) =>
        identifier.All(c => c is (>= 'a' and <= 'z') or '_')
            ? "`" + identifier + "`"
            : throw new ArgumentException("Not a read-model table name.", nameof(identifier));
}
