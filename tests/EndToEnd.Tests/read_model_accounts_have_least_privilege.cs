using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using SolarEvents.Application.EventStore;
using SolarEvents.Projections;
using SolarEvents.Projections.ReadModels;
using SolarEvents.Projections.Rebuild;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// The hosts reach MySQL through accounts the schema step made for them: the API may only read the read models, the
/// projector may write and rebuild them and nothing else. The rest of this collection shows the accounts suffice:
/// the whole system runs on them.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class read_model_accounts_have_least_privilege(SolarEventsApp app)
{
    private static readonly MySqlErrorCode[] Denied =
    [
        MySqlErrorCode.AccessDenied, MySqlErrorCode.TableAccessDenied, MySqlErrorCode.DatabaseAccessDenied,
        MySqlErrorCode.SpecifiedAccessDeniedError,
    ];

    [Fact]
    public async Task the_apis_account_reads_the_read_models_and_can_change_nothing()
    {
        Assert.Equal(UserOf(app.Databases.MySqlApi), await ReadModelUserAsync(app.ApiServices));
        await using var api = await OpenAsync(app.Databases.MySqlApi);

        Assert.True(await ScalarAsync(api, "SELECT COUNT(*) FROM projector_checkpoints") is >= 0L);
        foreach (var change in new[]
                 {
                     "INSERT INTO projector_checkpoints (ProjectorName, LastSequence, UpdatedAt) VALUES ('forged', 1, NOW())",
                     "UPDATE order_summaries SET Status = 'Cancelled'",
                     "DELETE FROM accounts",
                     "DROP TABLE timeline_entries",
                     "CREATE TABLE planted (id INT)",
                 })
        {
            await AssertDeniedAsync(api, change);
        }
    }

    [Fact]
    public async Task the_projectors_account_reaches_nothing_beyond_the_read_models()
    {
        Assert.Equal(UserOf(app.Databases.MySqlProjector), await ReadModelUserAsync(app.ProjectorServices));
        await using var projector = await OpenAsync(app.Databases.MySqlProjector);

        await AssertDeniedAsync(projector, "SELECT COUNT(*) FROM mysql.user");
        await AssertDeniedAsync(projector, "CREATE DATABASE planted");
        await AssertDeniedAsync(projector, "CREATE USER planted IDENTIFIED BY 'planted'");
        await AssertDeniedAsync(projector, "GRANT SELECT ON *.* TO solarevents_api");
    }

    [Fact]
    public async Task the_projectors_account_can_rebuild_the_read_models()
    {
        await using var databases = await TestDatabases.CreateAsync();
        await SchemaStep.ApplyAsync(databases);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MySql"] = databases.MySqlProjector,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddReadModels(configuration).AddReadModelRebuild(configuration);
        services.AddEventStore(databases.PostgresApp);

        var before = await TablesAsync(databases.MySql);

        // Shadow tables are created, filled, swapped in by RENAME TABLE and the old ones dropped.
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<ReadModelRebuilder>().RunAsync(progress: null, CancellationToken.None);
        }

        Assert.Contains("order_summaries", before);
        Assert.Equal(before, await TablesAsync(databases.MySql));
    }

    private static async Task<string> TablesAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        return (string)(await ScalarAsync(connection,
            "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = DATABASE()"))!;
    }

    /// <summary>The user a host's read-model contexts connect as.</summary>
    private static async Task<string> ReadModelUserAsync(IServiceProvider host)
    {
        await using var db = await host.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        return UserOf(db.Database.GetConnectionString()!);
    }

    private static string UserOf(string connectionString) => new MySqlConnectionStringBuilder(connectionString).UserID;

    private static async Task AssertDeniedAsync(MySqlConnection connection, string sql)
    {
        var refused = await Assert.ThrowsAsync<MySqlException>(() => ScalarAsync(connection, sql));
        Assert.True(Denied.Contains(refused.ErrorCode), $"{sql}: {refused.ErrorCode}");
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
