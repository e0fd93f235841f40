using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using SolarEvents.Application.Identity;
using SolarEvents.Application.PersonalData;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

/// <summary>A tampered ciphertext or a lost key is an integrity incident: the API answers with a typed problem,
/// never with garbage, and never with internals.</summary>
[Collection(WholeSystem.Name)]
public sealed class unreadable_personal_data(SolarEventsApp app)
{
    [Fact]
    public async Task a_tampered_ciphertext_in_the_read_model_gives_a_typed_problem_not_garbage()
    {
        var accountId = await app.RegisteredCustomerAsync();
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using (await agent.WaitUntilReadableAsync($"/api/v1/staff/accounts/{accountId}"))
        {
        }

        await using (var mysql = new MySqlConnection(app.Databases.MySql))
        {
            await mysql.OpenAsync();
            // Swap two characters inside the ciphertext part of the phone's envelope.
            await using var tamper = new MySqlCommand(
                "UPDATE accounts SET Phone = CONCAT(SUBSTRING_INDEX(Phone, '.', 3), '.', REVERSE(SUBSTRING_INDEX(SUBSTRING_INDEX(Phone, '.', 4), '.', -1)), '.', SUBSTRING_INDEX(Phone, '.', -1)) WHERE AccountId = @id",
                mysql);
            tamper.Parameters.AddWithValue("@id", accountId);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        using var response = await agent.GetAsync($"/api/v1/staff/accounts/{accountId}");
        await ExpectUnreadableAsync(response);
    }

    [Fact]
    public async Task a_missing_data_key_gives_a_typed_problem_not_garbage()
    {
        var accountId = await app.RegisteredCustomerAsync();
        await using (var session = app.ApiServices.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Delete<DataKeyRecord>(accountId); // lost, not erased: no tombstone
            await session.SaveChangesAsync();
        }

        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var response = await SolarEvents.TestSupport.Eventually.Until(async () =>
        {
            var answer = await agent.GetAsync($"/api/v1/staff/accounts/{accountId}");
            return answer.StatusCode == HttpStatusCode.NotFound ? null : answer;
        }, what: "the account row");
        await ExpectUnreadableAsync(response);
        response.Dispose();
    }

    private static async Task ExpectUnreadableAsync(HttpResponseMessage response)
    {
        var problem = await SupportDesk.ExpectProblemAsync(response, HttpStatusCode.InternalServerError, "personal-data-unreadable");
        var text = problem.GetRawText();
        foreach (var internals in new[] { "Exception", "AesGcm", "Tag", "pd1.", "   at " })
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("correlationId", out _));
    }
}
