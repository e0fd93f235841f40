using System.Security.Claims;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Infrastructure;

/// <summary>The caller of a command handled during an HTTP request: its principal and correlation id.</summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string CorrelationId => accessor.HttpContext is { } http
        ? CorrelationIdMiddleware.Get(http)
        : throw new InvalidOperationException("No HTTP request is in progress.");
}
