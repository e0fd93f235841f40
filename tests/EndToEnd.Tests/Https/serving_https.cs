using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace SolarEvents.EndToEnd.Tests.Https;

/// <summary>
/// docs/security.md, A02/A05: with a certificate configured, the API speaks TLS 1.2 or 1.3 only, sends HSTS for at least a
/// year over HTTPS, redirects plain HTTP to HTTPS, and behind a known proxy takes the forwarded scheme (no redirect
/// loop, HSTS as over HTTPS). In the whole-system collection because it boots <see cref="Program"/>.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class serving_https(HttpsApi api, ITestOutputHelper output) : IClassFixture<HttpsApi>
{
    private const int OneYearInSeconds = 31_536_000;

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task a_client_offering_only_tls_1_2_or_1_3_gets_it(SslProtocols protocol)
    {
        Assert.Equal(protocol, await HandshakeAsync(api.HttpsPort, protocol));
    }

    // TLS 1.0 and 1.1 are obsolete (SYSLIB0039, CA5397): offering them is exactly what this test must do.
#pragma warning disable SYSLIB0039, CA5397
    [Theory]
    [InlineData(SslProtocols.Tls11)]
    [InlineData(SslProtocols.Tls)]
    public async Task a_client_offering_only_tls_1_1_or_1_0_is_refused(SslProtocols protocol)
    {
        Assert.Null(await HandshakeAsync(api.HttpsPort, protocol));

        // The refusal is the API's own doing only where this machine's TLS library still speaks the old protocol:
        // a server of our own that allows it shows whether it does.
        var machineSpeaksIt = await HandshakeAsync(await PermissiveServerAsync(protocol | SslProtocols.Tls12), protocol) == protocol;
        output.WriteLine(machineSpeaksIt
            ? $"{protocol} works on this machine against a permissive server: the API's refusal is its own setting."
            : $"{protocol} is disabled on this machine (system TLS policy): the API's setting is shown by the TLS 1.2/1.3 tests only.");
    }
#pragma warning restore SYSLIB0039, CA5397

    /// <summary>This machine's TLS library refuses TLS 1.0 and 1.1 by itself, so the refusals above would pass without
    /// the API's setting; this looks at the setting every HTTPS endpoint of the API starts from.</summary>
    [Fact]
    public void every_https_endpoint_of_the_api_starts_from_tls_1_2_and_1_3_only()
    {
        var kestrel = new KestrelServerOptions { ApplicationServices = api.Services };
        foreach (var configure in api.Services.GetServices<IConfigureOptions<KestrelServerOptions>>()) configure.Configure(kestrel);
        SslProtocols? allowed = null;

        kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https => allowed = https.SslProtocols));

        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, allowed);
    }

    [Fact]
    public async Task https_responses_carry_hsts_for_at_least_a_year()
    {
        using var client = api.Client(IPAddress.Loopback);

        using var response = await client.GetAsync($"https://{HttpsApi.HostName}:{api.HttpsPort}/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHstsOfAYear(response);
    }

    [Fact]
    public async Task plain_http_from_a_client_is_redirected_to_https_without_hsts()
    {
        using var client = api.Client(IPAddress.Parse("127.0.0.2")); // not the known proxy

        using var response = await client.GetAsync($"http://{HttpsApi.HostName}:{api.HttpPort}/health/live");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{HttpsApi.HostName}:{api.HttpsPort}/health/live"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP is meaningless and must not be sent");
    }

    [Fact]
    public async Task behind_a_known_proxy_that_terminated_tls_the_request_counts_as_https()
    {
        using var client = api.Client(IPAddress.Loopback); // the known proxy
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{HttpsApi.HostName}:{api.HttpPort}/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHstsOfAYear(response);
    }

    [Fact]
    public async Task a_forwarded_scheme_from_anyone_else_is_ignored()
    {
        using var client = api.Client(IPAddress.Parse("127.0.0.2"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{HttpsApi.HostName}:{api.HttpPort}/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    private static void AssertHstsOfAYear(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), "no Strict-Transport-Security header");
        var directives = Assert.Single(values).Split(';', StringSplitOptions.TrimEntries);
        var maxAge = directives.Single(d => d.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..];
        Assert.True(long.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture) >= OneYearInSeconds, $"max-age={maxAge} is under a year");
        Assert.Contains("includeSubDomains", directives, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The protocol a TLS handshake offering only <paramref name="protocols"/> agreed on, or null when it failed.</summary>
    private async Task<SslProtocols?> HandshakeAsync(int port, SslProtocols protocols)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = HttpsApi.HostName,
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => api.IsOurs(certificate),
            }, deadline.Token);
            return tls.SslProtocol;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return null;
        }
    }

    /// <summary>A one-connection TLS server with the same certificate that allows <paramref name="protocols"/>.</summary>
    private async Task<int> PermissiveServerAsync(SslProtocols protocols)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                using var connection = await listener.AcceptTcpClientAsync();
                await using var tls = new SslStream(connection.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = api.Certificate,
                    EnabledSslProtocols = protocols,
                });
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                // The client's side reports the outcome.
            }
            finally
            {
                listener.Stop();
            }
        });
        await Task.Yield();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
