using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// The HTTP edge: CORS from an allowlist, forwarded headers only from known proxies, TLS 1.2+ whenever Kestrel serves
/// HTTPS, HSTS and HTTPS redirection outside development, security headers on every response. Settings:
/// <c>Http:AllowedOrigins</c> (array), <c>Http:KnownProxies</c> (array of IP addresses), <c>Http:HttpsRedirection</c>
/// (bool; unset: on outside Development when Kestrel serves HTTPS itself). The certificate and the HTTPS endpoint are
/// Kestrel's own settings (<c>Kestrel:Certificates:Default:Path</c>, <c>ASPNETCORE_URLS=https://...</c>); docs/operations.md.
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "allowlist";

    /// <summary>HSTS lifetime: one year, the least that browsers' preload lists accept (docs/security.md, A02).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Http:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key", CorrelationIdMiddleware.HeaderName)
            .WithExposedHeaders("ETag", "Location", "Retry-After", CorrelationIdMiddleware.HeaderName)));

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("Http:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        // Every HTTPS endpoint, whether from configuration or code, speaks TLS 1.2 or 1.3 only; the operating system's
        // defaults would otherwise decide, and some still allow TLS 1.0 and 1.1.
        services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13));
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = HstsMaxAge;
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        // First, so that behind a known proxy the scheme is the client's (https), and neither HSTS nor the redirect
        // below mistake a request that arrived over TLS at the ingress for plain HTTP.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent on HTTPS requests only (directly or through a trusted proxy)
            if (RedirectsToHttps(app.Configuration, app.Environment)) app.UseHttpsRedirection();
        }

        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>
    /// <c>Http:HttpsRedirection</c> when set; otherwise on outside Development when Kestrel itself serves HTTPS. Behind
    /// an ingress that terminates TLS, Kestrel serves plain HTTP and the ingress redirects, so the default is off there
    /// (redirecting would need the public HTTPS port, which only the ingress knows).
    /// </summary>
    public static bool RedirectsToHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Http:HttpsRedirection") ?? (!environment.IsDevelopment() && ServesHttps(configuration));

    /// <summary>Whether configuration gives Kestrel an HTTPS endpoint: an https URL in <c>urls</c>
    /// (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), a port in <c>https_ports</c> (<c>ASPNETCORE_HTTPS_PORTS</c>), or an
    /// https URL under <c>Kestrel:Endpoints</c>.</summary>
    public static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(IsHttps)
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));

    private static bool IsHttps(string? url) => url?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
}
