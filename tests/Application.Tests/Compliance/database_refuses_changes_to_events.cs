using Marten;
using Npgsql;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Application.EventStore;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class database_refuses_changes_to_events : IAsyncLifetime
{
    private ComplianceRig _rig = null!;
    private Guid _orderId;

    public async Task InitializeAsync()
    {
        _rig = await ComplianceRig.CreateAsync();
        _orderId = await _rig.OrderWithIssuedQuoteAsync();
        await EventStoreRoles.ApplyAsync(_rig.DataSource);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData("update solarevents.mt_events set data = '{}'::jsonb")]
    [InlineData("delete from solarevents.mt_events")]
    [InlineData("truncate solarevents.mt_events")]
    [InlineData("truncate solarevents.mt_events cascade")]
    [InlineData("delete from solarevents.mt_streams")]
    [InlineData("update solarevents.compliance_digests set root = ''")]
    [InlineData("delete from solarevents.compliance_digests")]
    public async Task the_app_role_is_refused(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => RunAsAsync(EventStoreRoles.DefaultApp, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.True((await _rig.VerifyAsync()).IsIntact);
    }

    [Theory]
    [InlineData("update solarevents.mt_events set data = '{}'::jsonb")]
    [InlineData("delete from solarevents.mt_events")]
    [InlineData("truncate solarevents.mt_events cascade")]
    public async Task the_owner_is_refused_outside_the_maintenance_switch(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => RunAsAsync(EventStoreRoles.DefaultOwner, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_app_role_appends_and_reads_events_through_marten()
    {
        var connection = new NpgsqlConnectionStringBuilder(_rig.Databases.Postgres) { Username = EventStoreRoles.DefaultApp }.ConnectionString;
        await using var store = DocumentStore.For(options => EventStoreConfiguration.Configure(options, connection));
        await using (var session = store.LightweightSession())
        {
            var history = await session.Events.FetchStreamAsync(_orderId);
            var order = OrderHistory.Rebuild(history.Select(e => e.Data));
            var quoteId = ((QuoteIssued)history[^1].Data).QuoteId;
            session.Events.Append(_orderId, 5L, [.. Order.AcceptQuote(order, new AcceptQuote(_orderId, quoteId), DateTimeOffset.UtcNow).ThrowIfRejected()]);
            await session.SaveChangesAsync();
        }

        var report = await _rig.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(5, report.Events);
    }

    private async Task RunAsAsync(string role, string sql)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_rig.Databases.Postgres) { Username = role, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
