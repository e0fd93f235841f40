using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SolarEvents.Api.Authentication;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Payments;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Benchmarks;

/// <summary>
/// What the scenarios share: the API over loopback, a bare Marten store configured exactly as the application's,
/// a bare EF Core context over the read models, and real access tokens minted with the API's own issuer and key.
/// </summary>
public sealed class Rig : IAsyncDisposable
{
    private readonly AccessTokenIssuer _issuer;

    private Rig(BenchSettings settings, IConfiguration configuration)
    {
        Settings = settings;
        Postgres = ProjectionsConnection(configuration, "Postgres");
        MySql = ProjectionsConnection(configuration, "MySql");
        var tokens = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        _issuer = new AccessTokenIssuer(tokens, TimeProvider.System);
        PaymentSecret = PaymentSettings.From(configuration).SigningSecrets.FirstOrDefault()
                        ?? throw new InvalidOperationException("Payments__SigningSecrets__0 is not set; run ./bench.sh.");
        Store = DocumentStore.For(options => EventStoreConfiguration.Configure(options, Postgres));
        ReadModels = new DbContextOptionsBuilder<ReadModelDbContext>()
            .UseMySql(MySql, ReadModelServerVersion.From(configuration)).Options;
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = settings.Api, Timeout = TimeSpan.FromSeconds(30) };
    }

    public BenchSettings Settings { get; }

    /// <summary>The secret the API accepts payment reports under, as the provider would hold it.</summary>
    public string PaymentSecret { get; }

    public string Postgres { get; }

    public string MySql { get; }

    public DocumentStore Store { get; }

    public DbContextOptions<ReadModelDbContext> ReadModels { get; }

    public HttpClient Http { get; }

    public static Rig Create(BenchSettings settings) =>
        new(settings, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:AccessTokenMinutes"] = "15" })
            .AddEnvironmentVariables().Build());

    /// <summary>Distinct users with real JWTs, as the API's identity endpoints would issue them. Each gets the
    /// credential document the API's revocation check looks up, as a registered user has.</summary>
    public async Task<List<Customer>> UsersAsync(IEnumerable<Guid> ids, string role)
    {
        var users = ids.Select(id => new Customer(id, _issuer.Issue(id, role))).ToList();
        await using var session = Store.LightweightSession();
        foreach (var user in users)
        {
            session.Store(new Credential
            {
                Id = user.Id,
                LoginIndex = $"bench-{user.Id:N}",
                Kind = role == Roles.Customer ? PrincipalKind.Customer : PrincipalKind.Employee,
            });
        }

        await session.SaveChangesAsync();
        return users;
    }

    public Task<List<Customer>> NewUsersAsync(int count, string role) =>
        UsersAsync(Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()), role);

    private static string ProjectionsConnection(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings__{name} is not set; run ./bench.sh.");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Store.DisposeAsync();
    }
}

public sealed record Customer(Guid Id, string Token);
