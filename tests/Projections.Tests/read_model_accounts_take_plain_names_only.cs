using MySqlConnector;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Projections.Tests;

/// <summary>Account and database names go into GRANT statements, which take no parameters: anything but a plain name
/// is refused before a statement is sent (the connection is never even opened here).</summary>
public sealed class read_model_accounts_take_plain_names_only
{
    [Theory]
    [InlineData("solarevents_api'@'%' WITH GRANT OPTION; --", "solarevents_read")]
    [InlineData("solarevents-api", "solarevents_read")]
    [InlineData("", "solarevents_read")]
    [InlineData("solarevents_api", "read`; DROP DATABASE mysql; --")]
    public async Task a_name_that_is_not_plain_is_refused(string user, string database)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder { Server = "127.0.0.1", Database = database }.ConnectionString);
        var account = new MySqlConnectionStringBuilder { UserID = user, Password = "irrelevant" }.ConnectionString;

        await Assert.ThrowsAsync<ArgumentException>(() => ReadModelAccounts.ApplyAsync(admin, ReadModelAccounts.Api, account));
        Assert.Equal(System.Data.ConnectionState.Closed, admin.State);
    }
}
