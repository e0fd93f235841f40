using MySqlConnector;
using Npgsql;

namespace SolarEvents.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database and MySQL database on the servers that ./test.sh started
/// (or that ConnectionStrings__Postgres / ConnectionStrings__MySql name), so test runs never share state.
/// </summary>
public sealed class TestDatabases : IAsyncDisposable
{
    private TestDatabases(string name, string postgres, string mySql)
    {
        Name = name;
        Postgres = postgres;
        MySql = mySql;
    }

    public string Name { get; }

    public string Postgres { get; }

    public string MySql { get; }

    public static async Task<TestDatabases> CreateAsync()
    {
        // Only hex digits after a fixed prefix: the name is safe to place in DDL, which takes no parameters.
        var name = "solar_t_" + Guid.NewGuid().ToString("N")[..16];

        var postgresServer = new NpgsqlConnectionStringBuilder(ServerConnectionString("Postgres")) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(postgresServer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var mySqlServer = new MySqlConnectionStringBuilder(ServerConnectionString("MySql")) { Database = "" };
        await using (var connection = new MySqlConnection(mySqlServer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabases(
            name,
            new NpgsqlConnectionStringBuilder(postgresServer.ConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString,
            new MySqlConnectionStringBuilder(mySqlServer.ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>Dropped so that runs against someone's own long-lived servers leave nothing behind.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        MySqlConnection.ClearAllPools();
        var postgresServer = new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(postgresServer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using (var connection = new MySqlConnection(new MySqlConnectionStringBuilder(MySql) { Database = "" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS {Name}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string ServerConnectionString(string name) =>
        Environment.GetEnvironmentVariable($"ConnectionStrings__{name}") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings__{name} is not set: run the tests through ./test.sh, which starts the servers.");
}
