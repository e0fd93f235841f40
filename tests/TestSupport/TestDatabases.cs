using MySqlConnector;
using Npgsql;

namespace SolarEvents.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database and MySQL database on the servers that ./test.sh started
/// (or that ConnectionStrings__Postgres / ConnectionStrings__MySql name), so test runs never share state.
/// </summary>
public sealed class TestDatabases : IAsyncDisposable
{
    /// <summary>The role the API and the projector connect as once the schema step has run (docs/compliance.md: it may read
    /// and append events, never change them). Roles belong to the whole server, so every test database shares it.</summary>
    public const string AppRole = "solarevents_app";

    private TestDatabases(string name, string postgres, string postgresApp, string mySql)
    {
        Name = name;
        Postgres = postgres;
        PostgresApp = postgresApp;
        MySql = mySql;
        MySqlApi = OnThisDatabase(ServerConnectionString("MySqlApi"));
        MySqlProjector = OnThisDatabase(ServerConnectionString("MySqlProjector"));
    }

    public string Name { get; }

    /// <summary>This database as the server's privileged user: for the schema step and for tests that play the tamperer.</summary>
    public string Postgres { get; }

    /// <summary>This database as the app role: what the hosts connect with after the schema step. Its user and password come
    /// from ConnectionStrings__PostgresApp when set (servers that want passwords), else the role without a password
    /// (the throwaway servers trust loopback connections).</summary>
    public string PostgresApp { get; }

    /// <summary>This read-model database as the server's privileged user: for the schema step and for inspection.</summary>
    public string MySql { get; }

    /// <summary>This read-model database as the API's and the projector's own accounts, which the schema step creates
    /// (accounts belong to the whole server, like roles; each step grants them this database).</summary>
    public string MySqlApi { get; }

    public string MySqlProjector { get; }

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

        var app = Environment.GetEnvironmentVariable("ConnectionStrings__PostgresApp") is { Length: > 0 } configured
            ? new NpgsqlConnectionStringBuilder(configured)
            : new NpgsqlConnectionStringBuilder(postgresServer.ConnectionString) { Username = AppRole, Password = null };
        app.Database = name;
        app.MaxPoolSize = 40;
        return new TestDatabases(
            name,
            new NpgsqlConnectionStringBuilder(postgresServer.ConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString,
            app.ConnectionString,
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

    private string OnThisDatabase(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { Database = Name }.ConnectionString;

    private static string ServerConnectionString(string name) =>
        Environment.GetEnvironmentVariable($"ConnectionStrings__{name}") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings__{name} is not set: run the tests through ./test.sh, which starts the servers.");
}
