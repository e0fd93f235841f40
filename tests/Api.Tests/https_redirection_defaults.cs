using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using SolarEvents.Api.Infrastructure;

namespace SolarEvents.Api.Tests;

/// <summary>
/// HTTPS redirection is on by default outside Development only where Kestrel itself serves HTTPS; behind an ingress
/// that terminates TLS (Kestrel on plain HTTP) it stays off, because only the ingress knows the public HTTPS port.
/// An explicit <c>Http:HttpsRedirection</c> always wins.
/// </summary>
public sealed class https_redirection_defaults
{
    [Theory]
    [InlineData("Production", "urls", "http://+:8080", null, false)]
    [InlineData("Production", "urls", "https://+:8443;http://+:8080", null, true)]
    [InlineData("Production", "https_ports", "8443", null, true)]
    [InlineData("Production", "Kestrel:Endpoints:Public:Url", "https://0.0.0.0:8443", null, true)]
    [InlineData("Production", "Kestrel:Endpoints:Public:Url", "http://0.0.0.0:8080", null, false)]
    [InlineData("Staging", "urls", "https://+:8443", null, true)]
    [InlineData("Development", "urls", "https://+:8443", null, false)]
    [InlineData("Production", "urls", "https://+:8443", "false", false)]
    [InlineData("Production", "urls", "http://+:8080", "true", true)]
    public void redirection_follows_where_https_is_served(string environment, string key, string value, string? setting, bool redirects)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["Http:HttpsRedirection"] = setting,
        }).Build();

        Assert.Equal(redirects, HttpHardening.RedirectsToHttps(configuration, new HostingEnvironment { EnvironmentName = environment }));
    }
}
