using System.Text.RegularExpressions;
using Serilog.Context;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is a plain token,
/// otherwise a new one. It is echoed in the response, pushed into every log line and stored on every event.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";
    internal const string ItemKey = "SolarEvents.CorrelationId";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[HeaderName].ToString();
        var correlationId = SafeToken().IsMatch(offered) ? offered : Guid.CreateVersion7().ToString("N");
        context.Items[ItemKey] = correlationId;
        context.Response.Headers[HeaderName] = correlationId;
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    public static string Get(HttpContext context) =>
        context.Items[ItemKey] as string ?? context.TraceIdentifier;

    // Only short, plain tokens are trusted from outside: no log forging, no header injection.
    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex SafeToken();
}
