using Microsoft.AspNetCore.Diagnostics;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become problem documents. Bodies carry a stable type, a title and a
/// human detail that the code chose; never a message, stack trace or type name from the exception.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            CommandValidationException invalid => Problems.Validation(invalid.Errors),
            CommandUnauthenticatedException => Problems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated,
                "Authentication required", "Sign in and send a bearer token."),
            CommandForbiddenException => Problems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden,
                "Forbidden", "You may not perform this action."),
            DomainRuleViolatedException rule => Problems.Create(StatusCodes.Status409Conflict, ProblemTypes.ForRule(rule.Error.Code),
                "Business rule violated", rule.Error.Detail),
            StreamVersionConflictException conflict => Problems.Conflict(conflict.CurrentVersion),
            StreamNotFoundException => Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound,
                "Not found", "There is no such resource."),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, ProblemTypes.MalformedRequest,
                "Malformed request", "The request could not be read."),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error");
            problem = Problems.Create(StatusCodes.Status500InternalServerError, ProblemTypes.Internal,
                "Internal error", "Something went wrong on our side. Quote the correlation id when you report it.");
        }

        await Problems.WriteAsync(httpContext, problem);
        return true;
    }
}
