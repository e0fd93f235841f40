using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.EventStore;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Https;

/// <summary>
/// The API in Production, serving HTTPS with a certificate configured the documented way
/// (<c>Kestrel:Certificates:Default:Path/Password</c>, a PKCS#12 file made here, self-signed) on one endpoint and plain
/// HTTP on another, with 127.0.0.1 as its one known proxy. Clients connect to loopback but speak to
/// <see cref="HostName"/>: HSTS is never sent to localhost or loopback addresses.
/// </summary>
public sealed class HttpsApi : IAsyncLifetime
{
    public const string HostName = "api.solarevents.test";

    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), $"solarevents-tls-{Guid.NewGuid():N}.pfx");
    private TestDatabases? _databases;
    private WebApplicationFactory<Program>? _api;

    public X509Certificate2 Certificate { get; } = SelfSigned();

    public IServiceProvider Services => _api?.Services ?? throw new InvalidOperationException("Not started.");

    public int HttpsPort { get; private set; }

    public int HttpPort { get; private set; }

    public async Task InitializeAsync()
    {
        _databases = await TestDatabases.CreateAsync();
        await SchemaStep.ApplyAsync(_databases);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await File.WriteAllBytesAsync(_certificateFile, Certificate.Export(X509ContentType.Pkcs12, password));

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _databases.PostgresApp,
            ["ConnectionStrings:MySql"] = _databases.MySql,
            ["ReadModels:ServerVersion"] = "10.11.0-mariadb",
            [SchemaOnStartup.Setting] = "false",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Kestrel:Certificates:Default:Path"] = _certificateFile,
            ["Kestrel:Certificates:Default:Password"] = password,
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Http:KnownProxies:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in TestSecrets.PersonalData().Concat(TestSecrets.Mail())) settings[key] = value;
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        // No listener in code: the endpoints and the certificate come from configuration, as in a deployment.
        _api.UseKestrel(_ => { });
        _api.StartServer();
        var addresses = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        HttpsPort = addresses.Single(a => a.Scheme == Uri.UriSchemeHttps).Port;
        HttpPort = addresses.Single(a => a.Scheme == Uri.UriSchemeHttp).Port;
    }

    /// <summary>A client for <see cref="HostName"/> that connects to loopback from <paramref name="from"/>, trusting only
    /// this API's certificate, and never following redirects (tests look at them).</summary>
    public HttpClient Client(IPAddress from)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => IsOurs(certificate) },
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler);
    }

    public bool IsOurs(X509Certificate? certificate) => certificate is not null && certificate.GetCertHashString() == Certificate.Thumbprint;

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        if (_databases is not null) await _databases.DisposeAsync();
        File.Delete(_certificateFile);
        Certificate.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // serverAuth
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
