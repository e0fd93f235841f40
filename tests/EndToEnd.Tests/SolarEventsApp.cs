using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarEvents.Api.Authentication;
using SolarEvents.Projections;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// The whole system once per test collection: fresh databases, the projector host, and the API served by
/// Kestrel on a loopback port, so tests speak real HTTP to it.
/// </summary>
public sealed class SolarEventsApp : IAsyncLifetime
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private TestDatabases? _databases;
    private IHost? _projector;
    private WebApplicationFactory<Program>? _api;

    public TestDatabases Databases => _databases ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider ApiServices => Api.Services;

    private WebApplicationFactory<Program> Api => _api ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _databases = await TestDatabases.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _databases.Postgres,
            ["ConnectionStrings:MySql"] = _databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
            ["Auth:SigningKey"] = _signingKey,
        };

        var projector = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        projector.Configuration.AddInMemoryCollection(settings);
        projector.AddProjector();
        _projector = projector.Build();
        await _projector.StartAsync();

        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        // A free loopback port of the operating system's choosing: parallel runs never collide.
        _api.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _api.StartServer();
    }

    public HttpClient Client(string? bearerToken = null)
    {
        var client = Api.CreateClient();
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    public string TokenFor(Guid subject, string role) => ApiServices.GetRequiredService<AccessTokenIssuer>().Issue(subject, role);

    public HttpClient ClientFor(Guid subject, string role) => Client(TokenFor(subject, role));

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        if (_projector is not null)
        {
            await _projector.StopAsync();
            _projector.Dispose();
        }

        if (_databases is not null) await _databases.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WholeSystem : ICollectionFixture<SolarEventsApp>
{
    public const string Name = "solarevents";
}
