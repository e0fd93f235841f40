using Microsoft.AspNetCore.Mvc;

namespace SolarEvents.Api.Infrastructure;

/// <summary>Builds and writes RFC 9457 problem documents.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    public static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors.ToDictionary(pair => pair.Key, pair => pair.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "Invalid request",
            Detail = "One or more fields are invalid.",
        };

    public static ProblemDetails Conflict(long? currentVersion)
    {
        var problem = Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict",
            "The resource was changed by someone else. Read it again and retry.");
        if (currentVersion is not null) problem.Extensions["currentVersion"] = currentVersion;
        return problem;
    }

    public static ProblemDetails ReadModelBehind(long? currentVersion)
    {
        var problem = Create(StatusCodes.Status409Conflict, ProblemTypes.ReadModelBehind, "Not yet visible",
            "The change is not visible to queries yet. Retry shortly.");
        problem.Extensions["currentVersion"] = currentVersion;
        return problem;
    }

    /// <summary>Writes through the problem-details service, so <see cref="ProblemCustomization"/> adds the ids.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await Results.Problem(problem).ExecuteAsync(context);
    }
}
