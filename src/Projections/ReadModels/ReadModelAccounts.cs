using System.Text.RegularExpressions;
using MySqlConnector;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// The MySQL accounts the hosts use, each with only what it needs and only in the read-model database: the API reads;
/// the projector writes rows and, for <c>rebuild</c>, creates, renames and drops its shadow tables. Neither may
/// change another database, see the server's users or grant anything. The schema step creates them from the
/// connection strings the hosts will use (<c>ConnectionStrings:MySqlApi</c>, <c>ConnectionStrings:MySqlProjector</c>),
/// sets the passwords those carry, and grants; it never takes a privilege away, so a grant made by hand stays.
/// </summary>
public static partial class ReadModelAccounts
{
    public sealed record Account(string ConnectionStringName, string Privileges);

    public static readonly Account Api = new("MySqlApi", "SELECT");

    // RENAME TABLE needs ALTER and DROP on the old name and CREATE and INSERT on the new one.
    public static readonly Account Projector = new("MySqlProjector", "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER");

    public static IReadOnlyList<Account> All { get; } = [Api, Projector];

    /// <summary>Creates the account (any host) if missing, sets its password and grants its privileges on the
    /// database <paramref name="admin"/> is connected to. Returns the account's user name.</summary>
    public static async Task<string> ApplyAsync(MySqlConnection admin, Account account, string connectionString, CancellationToken cancellation = default)
    {
        var settings = new MySqlConnectionStringBuilder(connectionString);
        // Account and database names cannot be parameters in these statements; only plain names are let through.
        var user = Checked(settings.UserID, "user name");
        var database = Checked(admin.Database, "database name");
        if (admin.State != System.Data.ConnectionState.Open) await admin.OpenAsync(cancellation);

        // The password is a parameter, which MySqlConnector sends as an escaped literal; servers keep it out of
        // their logs (they rewrite IDENTIFIED BY). An account name without a host is 'name'@'%'.
        await ExecuteAsync(admin, $"CREATE USER IF NOT EXISTS '{user}' IDENTIFIED BY @password", settings.Password, cancellation);
        await ExecuteAsync(admin, $"ALTER USER '{user}' IDENTIFIED BY @password", settings.Password, cancellation);
        await ExecuteAsync(admin, $"GRANT {account.Privileges} ON `{database}`.* TO '{user}'", null, cancellation);
        return user;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, string? password, CancellationToken cancellation)
    {
        await using var command = new MySqlCommand(sql, connection);
        if (password is not null) command.Parameters.AddWithValue("@password", password);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static string Checked(string? name, string what) =>
        name is not null && PlainName().IsMatch(name)
            ? name
            : throw new ArgumentException($"The read-model {what} must be letters, digits or underscores only.");

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex PlainName();
}
