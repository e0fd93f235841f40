using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Npgsql;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Application.EventStore;
using SolarEvents.Projections;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Compliance;

/// <summary>
/// The schema step (<c>SolarEvents.Api.dll migrate</c>) on databases of its own: it can run again at every deployment,
/// and it leaves the app role able to read and append, not to change events or the schema. Hosts that may not change
/// the schema refuse an unprepared database with a message naming the step, instead of trying DDL.
/// In the whole-system collection because it boots <see cref="Program"/>: WebApplicationFactory intercepts host
/// construction process-wide, so concurrent boots can take each other's settings.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class deploying_with_the_schema_step : IAsyncLifetime
{
    private TestDatabases _databases = null!;

    public async Task InitializeAsync() => _databases = await TestDatabases.CreateAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [Fact]
    public async Task the_schema_step_runs_again_without_changes_and_leaves_the_app_role_read_and_append_only()
    {
        var first = await SchemaStep.RunAsync(_databases);
        var second = await SchemaStep.RunAsync(_databases);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("read models: 0 migrations applied", second.Output, StringComparison.Ordinal);
        Assert.Contains($"read-model accounts: {new MySqlConnectionStringBuilder(_databases.MySqlApi).UserID} may SELECT in {_databases.Name}",
            second.Output, StringComparison.Ordinal);
        await using var superuser = NpgsqlDataSource.Create(_databases.Postgres);
        Assert.Equal(EventStoreRoles.DefaultOwner, await ScalarAsync<string>(superuser,
            "select tableowner from pg_tables where schemaname = 'solarevents' and tablename = 'mt_events'"));
        foreach (var (privilege, granted) in new[] { ("SELECT", true), ("INSERT", true), ("UPDATE", false), ("DELETE", false), ("TRUNCATE", false) })
        {
            Assert.True(granted == await ScalarAsync<bool>(superuser, $"select has_table_privilege('{TestDatabases.AppRole}', 'solarevents.mt_events', '{privilege}')"),
                $"{privilege} on mt_events should be {(granted ? "granted" : "refused")}");
        }

        Assert.False(await ScalarAsync<bool>(superuser, $"select has_schema_privilege('{TestDatabases.AppRole}', 'solarevents', 'CREATE')"));
        Assert.True(await EventStoreGuards.AreInstalledAsync(superuser));
    }

    [Fact]
    public async Task after_the_first_run_the_schema_owner_can_run_the_step_without_roles_but_the_app_role_cannot()
    {
        Assert.Equal(0, (await SchemaStep.RunAsync(_databases)).ExitCode);
        // A password of its own, so that this also works on servers that ask for one.
        var ownerPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using (var superuser = NpgsqlDataSource.Create(_databases.Postgres)) await RolePasswords.SetAsync(superuser, EventStoreRoles.DefaultOwner, ownerPassword);
        var asOwner = new NpgsqlConnectionStringBuilder(_databases.Postgres) { Username = EventStoreRoles.DefaultOwner, Password = ownerPassword }.ConnectionString;

        var byOwner = await SchemaStep.RunAsAsync(asOwner, _databases, "--no-roles");
        var byApp = await SchemaStep.RunAsAsync(_databases.PostgresApp, _databases, "--no-roles");

        Assert.True(byOwner.ExitCode == 0, byOwner.Output);
        Assert.DoesNotContain("roles:", byOwner.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("read-model accounts:", byOwner.Output, StringComparison.Ordinal);
        Assert.Equal(1, byApp.ExitCode);
    }

    [Fact]
    public async Task without_the_schema_step_the_api_refuses_to_start_and_changes_nothing()
    {
        await EnsureAppRoleExistsAsync();

        var refused = Assert.ThrowsAny<Exception>(() =>
        {
            using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseEnvironment("Testing");
                web.UseSetting("ConnectionStrings:Postgres", _databases.PostgresApp);
                web.UseSetting("ConnectionStrings:MySql", _databases.MySql);
                web.UseSetting("ReadModels:ServerVersion", "10.11.0-mariadb");
                web.UseSetting("Auth:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
                web.UseSetting(SchemaOnStartup.Setting, "false");
                foreach (var (key, value) in TestSecrets.PersonalData().Concat(TestSecrets.Mail())) web.UseSetting(key, value);
            });
            api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            api.StartServer();
        });

        Assert.Contains("migrate", refused.ToString(), StringComparison.Ordinal);
        Assert.False(await SchemaExistsAsync(), "a host that may not change the schema created it");
    }

    [Fact]
    public async Task without_the_schema_step_the_projector_refuses_to_start_and_changes_nothing()
    {
        await EnsureAppRoleExistsAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _databases.PostgresApp,
            ["ConnectionStrings:MySql"] = _databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
            [SchemaOnStartup.Setting] = "false",
        });
        builder.AddProjector();
        using var projector = builder.Build();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => projector.StartAsync());

        Assert.Contains("migrate", refused.ToString(), StringComparison.Ordinal);
        Assert.False(await SchemaExistsAsync(), "a host that may not change the schema created it");
    }

    /// <summary>Roles belong to the server: another test's schema step may or may not have made it already.</summary>
    private async Task EnsureAppRoleExistsAsync()
    {
        await using var superuser = NpgsqlDataSource.Create(_databases.Postgres);
        await using var create = superuser.CreateCommand(
            $"do $$ begin create role {TestDatabases.AppRole} login; exception when duplicate_object or unique_violation then null; end $$");
        await create.ExecuteNonQueryAsync();
    }

    private async Task<bool> SchemaExistsAsync()
    {
        await using var superuser = NpgsqlDataSource.Create(_databases.Postgres);
        return await ScalarAsync<bool>(superuser, "select exists (select from pg_namespace where nspname = 'solarevents')");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
