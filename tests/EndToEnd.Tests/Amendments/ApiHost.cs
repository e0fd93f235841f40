using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>The API alone (no projector) on given databases, so a test can stop it and start another on the same
/// data: what a deploy or a crash does to the host that scheduled something.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ApiHost(WebApplicationFactory<Program> factory) => _factory = factory;

    public IServiceProvider Services => _factory.Services;

    public static ApiHost Start(TestDatabases databases, string signingKey, IReadOnlyDictionary<string, string?> extraSettings)
    {
        var settings = new Dictionary<string, string?>(TestSecrets.PersonalData().Concat(TestSecrets.Mail()).Concat(extraSettings))
        {
            ["ConnectionStrings:Postgres"] = databases.Postgres,
            ["ConnectionStrings:MySql"] = databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
            ["Auth:SigningKey"] = signingKey,
        };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        return new ApiHost(factory);
    }

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public HttpClient ClientFor(Guid subject, string role)
    {
        var client = _factory.CreateClient();
        var token = MintedTokens.Issue(Services, subject, role);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
