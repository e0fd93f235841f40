using Marten;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.Compliance;

/// <summary>A fresh event store with the compliance guards installed, written to through domain decisions.
/// The connection is the PostgreSQL superuser, so tests can play the tamperer.</summary>
public sealed class ComplianceRig : IAsyncDisposable
{
    private ComplianceRig(TestDatabases databases, DocumentStore store, NpgsqlDataSource dataSource)
    {
        Databases = databases;
        Store = store;
        DataSource = dataSource;
    }

    public TestDatabases Databases { get; }

    public DocumentStore Store { get; }

    public NpgsqlDataSource DataSource { get; }

    public EventRows Rows => new(DataSource);

    public static async Task<ComplianceRig> CreateAsync()
    {
        var databases = await TestDatabases.CreateAsync();
        var store = DocumentStore.For(options => EventStoreConfiguration.Configure(options, databases.Postgres));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(databases.Postgres);
        await EventStoreGuards.InstallAsync(dataSource);
        return new ComplianceRig(databases, store, dataSource);
    }

    public Task<ChainReport> VerifyAsync() => new StoreVerification(Rows).VerifyAsync();

    /// <summary>An order taken from the request to an issued quote: four events, by a customer and by sales.</summary>
    public async Task<Guid> OrderWithIssuedQuoteAsync(Guid? customerId = null)
    {
        var orderId = Guid.CreateVersion7();
        var customer = customerId ?? Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await AppendAsync(orderId, customer, "Customer", null, _ => Order.RequestQuote(
            new RequestQuote(orderId, customer, new InstallationSite("10115", "Berlin", "DE"), RoofType.Flat, 6.5m,
                new SystemConfiguration(16, "SunPeak 420", "GridMax 6K", WithBattery: false)), now), start: true);
        var sales = Guid.CreateVersion7();
        await AppendAsync(orderId, sales, "Sales", null, order => Order.ScheduleSiteSurvey(order, new ScheduleSiteSurvey(orderId, now.AddDays(3), null), now));
        await AppendAsync(orderId, sales, "Sales", null, order => Order.CompleteSiteSurvey(order, new CompleteSiteSurvey(orderId, "south roof, no shade", 7.2m), now));
        await AppendAsync(orderId, sales, "Sales", null, order => Order.IssueQuote(order,
            new IssueQuote(orderId, Guid.CreateVersion7(), [new PriceLine("Panels", 7000m), new PriceLine("Ünterkonstruktion \"Süd\"", 1234.50m)], "EUR", now.AddDays(14)), now));
        return orderId;
    }

    /// <summary>Decides on the current state and appends, stamping the metadata the command bus would.</summary>
    public async Task AppendAsync(
        Guid streamId, Guid actorId, string role, Guid? changeRequestId, Func<Order, Decision> decide, bool start = false)
    {
        await using var session = Store.LightweightSession();
        session.LastModifiedBy = actorId.ToString();
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, role);
        if (changeRequestId is { } requestId) session.SetHeader(ActorMetadataMiddleware.ChangeRequestHeader, requestId.ToString());
        session.CorrelationId = "corr-" + Guid.NewGuid().ToString("N")[..8];
        session.CausationId = Guid.NewGuid().ToString();
        if (start)
        {
            session.Events.StartStream<Order>(streamId, decide(null!).ThrowIfRejected());
        }
        else
        {
            // Folded by the domain's own history: Marten's conventional aggregation needs its source generator in
            // the domain assembly, which references no Marten by design.
            var history = await session.Events.FetchStreamAsync(streamId);
            var order = OrderHistory.Rebuild(history.Select(e => e.Data));
            session.Events.Append(streamId, history.Count + 1L, [.. decide(order).ThrowIfRejected()]);
        }

        await session.SaveChangesAsync();
    }

    /// <summary>Runs SQL as the superuser with the maintenance switch on, as a tamperer with full access would.</summary>
    public async Task TamperAsync(string sql, params object[] parameters)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var on = new NpgsqlCommand($"set local {EventStoreGuards.MaintenanceSetting} = 'on'", connection, transaction))
        {
            await on.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Store.DisposeAsync();
        await Databases.DisposeAsync();
    }
}
