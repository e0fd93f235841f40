using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Identity;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Compliance;

/// <summary>
/// The database role the API uses may insert and read events but not update or delete them (docs/compliance.md,
/// "Append-only at the database"). The shared system is deployed the production way (schema step as the privileged
/// user, hosts as the app role); this looks at the running hosts' own connections, not at a role set up on the side.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class the_system_runs_as_the_app_role(SolarEventsApp app)
{
    [Fact]
    public async Task the_api_and_the_projector_connect_as_the_app_role()
    {
        Assert.Equal(TestDatabases.AppRole, await CurrentUserAsync(app.ApiServices.GetRequiredService<NpgsqlDataSource>()));
        Assert.Equal(TestDatabases.AppRole, await CurrentUserAsync(app.ApiServices.GetRequiredService<IDocumentStore>()));
        Assert.Equal(TestDatabases.AppRole, await CurrentUserAsync(app.ProjectorServices.GetRequiredService<IDocumentStore>()));
    }

    [Fact]
    public async Task as_the_app_role_orders_are_appended_chained_and_projected_but_events_cannot_be_changed()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var response = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            site = new { postalCode = "10115", city = "Berlin", countryCode = "DE" },
            roof = "Flat",
            estimatedKwp = 5m,
            system = new { panelCount = 10, panelModel = "A", inverterModel = "B", withBattery = false },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamId").GetGuid();

        var dataSource = app.ApiServices.GetRequiredService<NpgsqlDataSource>();
        var report = await new StoreVerification(new EventRows(dataSource)).VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        await Eventually.Until(async () =>
        {
            using var read = await client.GetAsync($"/api/v1/orders/{orderId}");
            return read.StatusCode == HttpStatusCode.OK ? "projected" : null;
        }, what: "the projector, as the app role, to write the order summary");

        foreach (var statement in new[]
                 {
                     "update solarevents.mt_events set data = '{}' where stream_id = $1",
                     "delete from solarevents.mt_events where stream_id = $1",
                     "truncate solarevents.mt_events",
                     "delete from solarevents.mt_streams where id = $1",
                     "create table solarevents.intruder (id int)",
                 })
        {
            await using var command = dataSource.CreateCommand(statement);
            if (statement.Contains("$1", StringComparison.Ordinal)) command.Parameters.Add(new NpgsqlParameter { Value = orderId });
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{statement}: {refused.SqlState} {refused.MessageText}");
        }
    }

    private static async Task<string> CurrentUserAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select current_user");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> CurrentUserAsync(IDocumentStore store)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_user", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
