using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Application.Identity;
using SolarEvents.Projections;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Compliance;

/// <summary>
/// The deployment DESIGN.md asks for: the schema is migrated by a privileged role, the guards and roles are applied,
/// and the API and the projector then run as the app role, which can append (chained) events but not change them.
/// In the whole-system collection only so that it never boots <see cref="Program"/> while another test does:
/// WebApplicationFactory intercepts host construction process-wide, so concurrent boots can take each other's settings.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class api_runs_with_the_app_role : IAsyncLifetime
{
    private readonly string _tokenKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private TestDatabases _databases = null!;

    public async Task InitializeAsync() => _databases = await TestDatabases.CreateAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    private WebApplicationFactory<Program> Api(string postgres)
    {
        var api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", postgres);
            web.UseSetting("ConnectionStrings:MySql", _databases.MySql);
            web.UseSetting("ReadModels:ServerVersion", "10.11.0-mariadb");
            web.UseSetting("Auth:SigningKey", _tokenKey);
            foreach (var (key, value) in TestSecrets.PersonalData()) web.UseSetting(key, value);
        });
        // An explicit loopback listener on a port of the system's choosing: never the default 5000, which others may hold.
        api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        return api;
    }

    [Fact]
    public async Task after_migrating_as_owner_the_api_and_the_projector_work_as_the_app_role()
    {
        await using (Api(_databases.Postgres)) { }
        await using (var superuser = NpgsqlDataSource.Create(_databases.Postgres)) await EventStoreRoles.ApplyAsync(superuser);
        var asApp = new NpgsqlConnectionStringBuilder(_databases.Postgres) { Username = EventStoreRoles.DefaultApp }.ConnectionString;

        await using var api = Api(asApp);
        using var projector = await StartProjectorAsync(asApp);
        var customerId = Guid.CreateVersion7();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", MintedTokens.Issue(api.Services, customerId, Roles.Customer));
        var response = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            site = new { postalCode = "10115", city = "Berlin", countryCode = "DE" },
            roof = "Flat",
            estimatedKwp = 5m,
            system = new { panelCount = 10, panelModel = "A", inverterModel = "B", withBattery = false },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamId").GetGuid();
        await using var dataSource = NpgsqlDataSource.Create(asApp);
        var report = await new StoreVerification(new EventRows(dataSource)).VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(1, report.Events);
        await using var update = dataSource.CreateCommand("update solarevents.mt_events set data = '{}' where stream_id = $1");
        update.Parameters.Add(new NpgsqlParameter { Value = orderId });
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).SqlState);
        await Eventually.Until(async () =>
        {
            using var read = await client.GetAsync($"/api/v1/orders/{orderId}");
            return read.StatusCode == HttpStatusCode.OK ? "projected" : null;
        }, what: "the projector, as the app role, to write the order summary");
        await projector.StopAsync();
    }

    private async Task<IHost> StartProjectorAsync(string postgres)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:MySql"] = _databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
        });
        builder.AddProjector();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
