using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OtpNet;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Projections;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// The whole system once per test collection, deployed as production deploys it: fresh databases, the schema step
/// (<c>SolarEvents.Api.dll migrate</c>) as the privileged user, then the projector host and the API as the app role,
/// which may not change the schema (and does not try), each with its own MySQL account; the API is served by Kestrel on a loopback port, so tests
/// speak real HTTP to it.
/// </summary>
public sealed class SolarEventsApp : IAsyncLifetime
{
    public const string AllowedOrigin = "https://app.solarevents.test";

    /// <summary>Low enough for a test to exceed quickly, high enough for any other test's single user.</summary>
    public const int PerUserRateLimit = 60;

    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _digestKeyPem = Compliance.DigestKeyForTests.NewPrivateKeyPem();

    /// <summary>The master and blind-index keys this app was started with (tests rotate and tamper with them).</summary>
    public Dictionary<string, string?> PersonalDataSettings { get; } = TestSecrets.PersonalData();
    private Task<string>? _adminToken;

    /// <summary>The first admin, seeded from configuration exactly as ./run.sh does it.</summary>
    public string AdminEmail { get; } = "first.admin@solarevents.test";

    public string AdminPassword { get; } = "admin-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public string AdminTotpSecret { get; } = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string SigningKey => _signingKey;

    /// <summary>The secrets the payment provider signs with: two are active, as during a rotation.</summary>
    public string PaymentSecret { get; } = "psp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string NextPaymentSecret { get; } = "psp-next-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private TestDatabases? _databases;
    private IHost? _projector;
    private WebApplicationFactory<Program>? _api;

    public TestDatabases Databases => _databases ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider ApiServices => Api.Services;

    /// <summary>The credential that signs in with <paramref name="email"/> (found by its blind index, as the login does).</summary>
    public async Task<Credential> CredentialOfAsync(string email) =>
        await ApiServices.GetRequiredService<CredentialStore>().FindByLoginAsync(email, CancellationToken.None)
        ?? throw new InvalidOperationException("No credential signs in with that email.");

    public IServiceProvider ProjectorServices => _projector?.Services ?? throw new InvalidOperationException("Not started.");

    private WebApplicationFactory<Program> Api => _api ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where the API's mail lands (its pickup directory): see <see cref="Mailbox"/>.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "solarevents-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Everything the API logged (its JSON log lines), for log-scan tests.</summary>
    public CapturedLog Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _databases = await TestDatabases.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _databases.PostgresApp,
            [SchemaOnStartup.Setting] = "false",
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
            ["Auth:SigningKey"] = _signingKey,
            ["Http:AllowedOrigins:0"] = AllowedOrigin,
            ["OpenApi:Enabled"] = "true",
            ["RateLimits:PerUser"] = PerUserRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Compliance:Signing:PrivateKeyPem"] = _digestKeyPem,
            ["Bootstrap:Admin:Email"] = AdminEmail,
            ["Bootstrap:Admin:Password"] = AdminPassword,
            ["Bootstrap:Admin:TotpSecret"] = AdminTotpSecret,
            ["Payments:SigningSecrets:0"] = PaymentSecret,
            ["Payments:SigningSecrets:1"] = NextPaymentSecret,
        };
        foreach (var (key, value) in PersonalDataSettings.Concat(TestSecrets.Mail(MailDirectory))) settings[key] = value;

        await SchemaStep.ApplyAsync(_databases);

        var projector = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        projector.Configuration.AddInMemoryCollection(settings);
        projector.Configuration["ConnectionStrings:MySql"] = _databases.MySqlProjector;
        projector.AddProjector();
        _projector = projector.Build();
        await _projector.StartAsync();

        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.UseSetting("ConnectionStrings:MySql", _databases.MySqlApi);
            web.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        });
        // A free loopback port of the operating system's choosing: parallel runs never collide.
        _api.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _api.StartServer();
    }

    /// <summary>
    /// A client that connects from its own loopback address (127.x.y.z), so per-client rate limits of one
    /// test never reach another.
    /// </summary>
    public HttpClient Client(string? bearerToken = null)
    {
        var server = new Uri(ApiServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var local = new IPAddress([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(0, 256),
            (byte)RandomNumberGenerator.GetInt32(1, 255)]);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>A token minted directly (no sign-in), for a user that exists as far as revocation checks go.</summary>
    public string TokenFor(Guid subject, string role) => MintedTokens.Issue(ApiServices, subject, role);

    /// <summary>The seeded admin's access token, signed in once per run over HTTP (password and TOTP).</summary>
    public Task<string> AdminTokenAsync() => LazyInitializer.EnsureInitialized(ref _adminToken, async () =>
        (await Identity.SignInAsync(this, AdminEmail, AdminPassword, Identity.TotpNow(AdminTotpSecret)))
            .GetProperty("accessToken").GetString()!);

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
