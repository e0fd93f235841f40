using System.Threading.RateLimiting;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// A global fixed-window limit per authenticated user, and per client address for anonymous callers, so one
/// caller cannot starve the others. Settings: <c>RateLimits:PerUser</c>, <c>RateLimits:PerClient</c> (requests
/// per window) and <c>RateLimits:WindowSeconds</c>. Past the limit: 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddSolarEventsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perUser = configuration.GetValue("RateLimits:PerUser", 600);
        var perClient = configuration.GetValue("RateLimits:PerClient", 300);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:WindowSeconds", 60));

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var user = Actor.From(http.User);
                return user is not null
                    ? FixedWindow("user:" + user.Id, perUser, window)
                    : FixedWindow("client:" + http.Connection.RemoteIpAddress, perClient, window);
            });
            options.OnRejected = RateLimiting.RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
