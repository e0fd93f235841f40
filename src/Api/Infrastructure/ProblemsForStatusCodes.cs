namespace SolarEvents.Api.Infrastructure;

/// <summary>Gives the framework's own error responses (401, 403, 404, 415, ...) our stable problem types.</summary>
public static class ProblemsForStatusCodes
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove("traceId");
        problem.Extensions["correlationId"] = CorrelationIdMiddleware.Get(context.HttpContext);
        if (problem.Type is not null && problem.Type.StartsWith("urn:solarevents:", StringComparison.Ordinal)) return;
        problem.Type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
            StatusCodes.Status401Unauthorized => ProblemTypes.Unauthenticated,
            StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
            _ => ProblemTypes.Internal,
        };
    }
}
