using MySqlConnector;
using Npgsql;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

/// <summary>Reads every row of every table in both databases as text, the way someone with a copy of the disks or
/// a backup would, and reports where any of the given values appears.</summary>
public static class RawTables
{
    public static async Task<IReadOnlyList<string>> FindAsync(SolarEventsApp app, IEnumerable<string> values)
    {
        var wanted = values.Where(v => v.Length >= 6).Distinct().ToList();
        var hits = new List<string>();
        await foreach (var (table, text) in PostgresRowsAsync(app.Databases.Postgres).Concat(MySqlRowsAsync(app.Databases.MySql)))
        {
            hits.AddRange(wanted.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{table}: {v}"));
        }

        return hits;
    }

    private static async IAsyncEnumerable<(string Table, string Text)> PostgresRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        foreach (var table in tables)
        {
            // Table names come from the catalog above, never from input.
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync()) yield return (table, rows.GetString(0));
        }
    }

    private static async IAsyncEnumerable<(string Table, string Text)> MySqlRowsAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SHOW TABLES", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        foreach (var table in tables)
        {
            await using var select = new MySqlCommand($"SELECT * FROM `{table}`", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                var cells = new string[rows.FieldCount];
                for (var i = 0; i < rows.FieldCount; i++) cells[i] = rows.IsDBNull(i) ? "" : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                yield return (table, string.Join('|', cells));
            }
        }
    }
}
