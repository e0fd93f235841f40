using System.Text;
using MySqlConnector;

namespace SolarEvents.Benchmarks;

/// <summary>Rows copied verbatim from a read-model table, and multi-row INSERTs of them (the projector baseline).
/// Table names are the benchmark's own constants, never input.</summary>
public static class BulkRows
{
    public sealed record Table(IReadOnlyList<string> Columns, List<object[]> Rows);

    public static async Task<Table> ReadAsync(MySqlConnection connection, string table)
    {
        await using var command = new MySqlCommand($"SELECT * FROM {table}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return new Table(columns, rows);
    }

    public static async Task InsertAsync(MySqlConnection connection, MySqlTransaction transaction, string table, Table rows, int skip, int take)
    {
        var slice = rows.Rows.Skip(skip).Take(take).ToList();
        if (slice.Count == 0) return;
        var sql = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", rows.Columns.Select(c => $"`{c}`")).Append(") VALUES ");
        await using var command = new MySqlCommand { Connection = connection, Transaction = transaction };
        for (var r = 0; r < slice.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < rows.Columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.AddWithValue(name, slice[r][c]);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
