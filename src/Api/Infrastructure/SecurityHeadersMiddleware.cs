namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Headers every API response carries: nothing is cached, nothing is sniffed, framed, or allowed to load
/// anything, and no referrer leaves. Set before the response starts, so error responses carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["Cache-Control"] = "no-store",
        ["X-Content-Type-Options"] = "nosniff",
        ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in Headers) context.Response.Headers[name] = value;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
