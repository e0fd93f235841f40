using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MySqlConnector;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// Inserts rows with multi-row INSERTs on the context's connection and transaction, bypassing the change tracker:
/// EF Core would send one INSERT per row and track rows that are never updated again (the timeline). Table and column
/// names come from the context's own EF Core model (so a shadow context writes its shadow tables); every value is a
/// parameter made by the column's own type mapping, so it is stored exactly as EF Core would store it.
/// </summary>
public static class MultiRowInsert
{
    // MySQL allows 65,535 placeholders per statement.
    private const int MaxParameters = 60_000;

    public static Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellation)
        where T : class =>
        InsertAsync(db, db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."),
            rows, cancellation);

    /// <summary>Inserts the rows the context tracks as added, and marks them saved: SaveChanges is then left
    /// with the updates only.</summary>
    public static async Task InsertAddedAsync(DbContext db, CancellationToken cancellation)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList();
        foreach (var rows in added)
        {
            await InsertAsync(db, rows.Key, rows.Select(e => e.Entity).ToList(), cancellation);
            foreach (var entry in rows) entry.State = EntityState.Unchanged;
        }
    }

    private static async Task InsertAsync(DbContext db, IEntityType entity, IReadOnlyList<object> rows, CancellationToken cancellation)
    {
        if (rows.Count == 0) return;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var connection = db.Database.GetDbConnection();
        var columns = entity.GetProperties().Select(p => Column.Of(p, connection)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var perStatement = MaxParameters / columns.Count;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var end = Math.Min(rows.Count, start + perStatement);
            for (var row = start; row < end; row++)
            {
                text.Append(row == start ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    if (column > 0) text.Append(", ");
                    // NULL is written as the keyword: a wide row that is mostly empty (an order's later steps) would
                    // otherwise cost a parameter, and its type lookup, per empty column.
                    if (columns[column].Value(rows[row]) is not { } value)
                    {
                        text.Append("NULL");
                        continue;
                    }

                    var name = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(new MySqlParameter { ParameterName = name, MySqlDbType = columns[column].Type, Value = value });
                    text.Append(name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }

    /// <summary>
    /// One column: its property, and the MySQL type EF Core's mapping gives its parameters. The mapping is asked
    /// once per column, not per value: setting a parameter's DbType makes MySqlConnector search its type table,
    /// which on a page's thousands of values cost more than the INSERT itself. Values pass through the mapping's
    /// converter, as EF Core would store them.
    /// </summary>
    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, MySqlDbType Type)
    {
        public static Column Of(IProperty property, DbConnection connection)
        {
            var mapping = property.GetRelationalTypeMapping();
            using var probe = connection.CreateCommand();
            var template = (MySqlParameter)mapping.CreateParameter(probe, "@probe", null, nullable: true);
            return new Column(property, property.GetGetter(), mapping.Converter, template.MySqlDbType);
        }

        /// <summary>The row's value as the column stores it; null for SQL NULL.</summary>
        public object? Value(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is not null && Converter is not null ? Converter.ConvertToProvider(value) : value;
        }
    }
}
