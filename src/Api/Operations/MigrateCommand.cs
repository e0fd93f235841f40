using JasperFx.Resources;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Npgsql;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Projections;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Operations;

/// <summary>
/// <c>dotnet SolarEvents.Api.dll migrate [--no-roles]</c>: the one-shot schema step of a deployment, run with a
/// privileged connection (<c>ConnectionStrings:Postgres</c> as a superuser, <c>ConnectionStrings:MySql</c> as a user
/// that may change tables) before the API and the projector start with the app role. In order:
/// <list type="number">
/// <item>Marten's event store and documents and Wolverine's message tables, from the API's own composition, so
/// the step can never disagree with the host that uses them;</item>
/// <item>the hash-chain and append-only guards;</item>
/// <item>the read-model migrations in MySQL;</item>
/// <item>the owner and app roles and their grants (skipped with <c>--no-roles</c>), and the app role's password
/// when <c>ConnectionStrings:PostgresApp</c> (the app role's own connection string) carries one;</item>
/// <item>the API's and the projector's MySQL accounts, when <c>ConnectionStrings:MySqlApi</c> and
/// <c>ConnectionStrings:MySqlProjector</c> name them (also skipped with <c>--no-roles</c>): see
/// <see cref="ReadModelAccounts"/>.</item>
/// </list>
/// Idempotent: a second run changes nothing. Exit code 0 on success, 1 on failure.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";
    private const string NoRoles = "--no-roles";

    public static bool IsInvoked(string[] args) => args is [Verb, ..];

    /// <summary>The arguments left for the host's configuration (the verb and its own flag removed).</summary>
    public static string[] HostArguments(string[] args) => [.. args.Skip(1).Where(arg => arg != NoRoles)];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        try
        {
            // Marten's store and Wolverine's message store are JasperFx "stateful resources"; setting them up applies
            // their schema even where AutoCreate is None for the running hosts.
            await app.SetupResources();
            Console.WriteLine("event store and message tables: up to date");

            var postgres = app.Services.GetRequiredService<NpgsqlDataSource>();
            await EventStoreGuards.InstallAsync(postgres);
            Console.WriteLine("hash-chain and append-only guards: installed");

            var migrations = await ReadModelMigrator.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>(), logger);
            Console.WriteLine($"read models: {migrations} migrations applied");

            if (args.Contains(NoRoles)) return 0;
            var appConnection = app.Configuration.GetConnectionString("PostgresApp") is { Length: > 0 } configured
                ? new NpgsqlConnectionStringBuilder(configured)
                : new NpgsqlConnectionStringBuilder { Username = EventStoreRoles.DefaultApp };
            var appRole = appConnection.Username ?? EventStoreRoles.DefaultApp;
            await EventStoreRoles.ApplyAsync(postgres, app: appRole);
            Console.WriteLine($"roles: {EventStoreRoles.DefaultOwner} owns the schema, {appRole} may read and append events");
            if (appConnection.Password is { Length: > 0 } password && await RolePasswords.SetAsync(postgres, appRole, password))
            {
                Console.WriteLine($"roles: password of {appRole} set");
            }

            await ApplyReadModelAccountsAsync(app.Configuration);
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or MySqlException or InvalidOperationException or ArgumentException)
        {
            logger.LogError(e, "The schema step failed");
            return 1;
        }
    }

    /// <summary>The MySQL accounts whose connection strings are configured; a host without one keeps using
    /// <c>ConnectionStrings:MySql</c>.</summary>
    private static async Task ApplyReadModelAccountsAsync(IConfiguration configuration)
    {
        await using var admin = new MySqlConnection(ProjectorHost.RequiredConnectionString(configuration, "MySql"));
        foreach (var account in ReadModelAccounts.All)
        {
            if (configuration.GetConnectionString(account.ConnectionStringName) is not { Length: > 0 } connectionString) continue;
            var user = await ReadModelAccounts.ApplyAsync(admin, account, connectionString);
            Console.WriteLine($"read-model accounts: {user} may {account.Privileges} in {admin.Database}");
        }
    }
}
