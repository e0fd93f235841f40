using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// The HTTP edge: CORS from an allowlist, forwarded headers only from known proxies, HTTPS and HSTS outside
/// development, security headers on every response. Settings: <c>Http:AllowedOrigins</c> (array),
/// <c>Http:KnownProxies</c> (array of IP addresses), <c>Http:HttpsRedirection</c> (bool).
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "allowlist";

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
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent on HTTPS requests only (directly or through a trusted proxy)
            if (app.Configuration.GetValue("Http:HttpsRedirection", false)) app.UseHttpsRedirection();
        }

        app.UseCors(CorsPolicy);
        return app;
    }
}
