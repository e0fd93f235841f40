namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Runs for every problem document written, ours and the framework's: adds the correlation and trace ids,
/// gives the framework's own error responses (401, 403, 404, 405, 415, ...) our stable types, and counts it.
/// </summary>
public static class ProblemCustomization
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["correlationId"] = CorrelationIdMiddleware.Get(context.HttpContext);
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        if (problem.Type?.StartsWith("urn:solarevents:", StringComparison.Ordinal) != true) problem.Type = TypeFor(problem.Status);
        ApiMetrics.Problems.Add(1, new KeyValuePair<string, object?>("type", problem.Type));
    }

    private static string TypeFor(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ProblemTypes.Unauthenticated,
        StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
        StatusCodes.Status404NotFound => ProblemTypes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemTypes.TooManyRequests,
        _ => ProblemTypes.Internal,
    };
}
