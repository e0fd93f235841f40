using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Infrastructure;

/// <summary>Configuration "RateLimits:{Auth,Registration,Mfa}": requests per window and client.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// A global fixed-window limit per user (<c>RateLimits:PerUser</c>) or anonymous client address
/// (<c>RateLimits:PerClient</c>) per <c>RateLimits:WindowSeconds</c>, and tighter fixed-window limits on the
/// endpoints that guess-and-check attacks aim at, per client address (and per
/// user on the signed-in MFA endpoints). Past the limit: 429 with Retry-After and a problem document.
/// Behind a proxy, configure forwarded headers so the client address is the real one.
/// </summary>
public static class RateLimiting
{
    public const string Auth = "auth";
    public const string Registration = "registration";
    public const string Mfa = "mfa";
    public const string Payments = "payments";

    public static IServiceCollection AddSolarEventsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        RateLimit Read(string name, int permits) =>
            configuration.GetSection("RateLimits:" + name).Get<RateLimit>() ?? new RateLimit { PermitLimit = permits };

        var auth = Read("Auth", 10);
        var registration = Read("Registration", 5);
        var mfa = Read("Mfa", 10);
        var payments = Read("Payments", 120);
        var windowSeconds = configuration.GetValue("RateLimits:WindowSeconds", 60);
        var perUser = new RateLimit { PermitLimit = configuration.GetValue("RateLimits:PerUser", 600), WindowSeconds = windowSeconds };
        var perClient = new RateLimit { PermitLimit = configuration.GetValue("RateLimits:PerClient", 300), WindowSeconds = windowSeconds };
        services.AddRateLimiter(options =>
        {
            // Everything: per authenticated user, or per client address for anonymous callers, so one caller
            // cannot starve the others. The named policies below come on top, for the guessable endpoints.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Actor.From(http.User) is { } user
                    ? Partition("user", user.Id.ToString(), perUser)
                    : Partition("client", ClientAddress(http), perClient));
            options.AddPolicy(Auth, http => Partition(Auth, ClientAddress(http), auth));
            options.AddPolicy(Registration, http => Partition(Registration, ClientAddress(http), registration));
            // The payment provider's deliveries, per sending address: generous, since it retries, but bounded.
            options.AddPolicy(Payments, http => Partition(Payments, ClientAddress(http), payments));
            options.AddPolicy(Mfa, http => Partition(Mfa, Actor.From(http.User)?.Id.ToString() ?? ClientAddress(http), mfa));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(string policy, string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Every 429, from the global limit and from the named policies.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<SecurityEvents>()
            .Record(SecurityEvents.RateLimited, Actor.From(http.User)?.Id, http.Request.Path.Value ?? "");
        await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests,
            "Too many requests", "Too many attempts. Wait as long as Retry-After says, then try again."));
    }
}
