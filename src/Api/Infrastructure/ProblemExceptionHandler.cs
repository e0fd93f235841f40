using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Payments;
using SolarEvents.Application.PersonalData;
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
            PaymentSignatureRefusedException => Problems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.PaymentSignatureInvalid,
                "Signature refused", "Sign the raw body as the Payment-Signature header says, with a current timestamp and an active secret."),
            IdempotencyKeyMissingException => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.IdempotencyKeyRequired,
                "Idempotency-Key required", "Send an Idempotency-Key header (8 to 100 letters, digits, '.', '_', ':' or '-')."),
            IdempotencyKeyReusedException => Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                "Idempotency-Key reused", "This Idempotency-Key was already used for a different request."),
            PreconditionRequiredException => Problems.Create(StatusCodes.Status428PreconditionRequired, ProblemTypes.PreconditionRequired,
                "If-Match required", "Send an If-Match header with the version you read."),
            ReadModelBehindException behind => Problems.ReadModelBehind(behind.CurrentVersion),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(
                StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Payload too large",
                $"Request bodies are limited to {ApiSetup.MaxRequestBodyBytes / 1024} KiB."),
            StreamNotFoundException => Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound,
                "Not found", "There is no such resource."),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, ProblemTypes.MalformedRequest,
                "Malformed request", "The request could not be read."),
            PersonalDataUnreadableException { Fault: PersonalDataFault.Erased } => Problems.Create(StatusCodes.Status410Gone,
                ProblemTypes.PersonalDataErased, "Personal data erased", "This customer's personal data was erased and cannot be read."),
            PersonalDataUnreadableException unreadable => Unreadable(unreadable),
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

    /// <summary>Tampered ciphertext or a lost key is our fault and an integrity incident, not the caller's: a 500, but
    /// a typed one, and logged with the subject and the kind of fault (never the value or the key).</summary>
    private ProblemDetails Unreadable(PersonalDataUnreadableException unreadable)
    {
        logger.LogError("Personal data of subject {SubjectId} is unreadable: {Fault}", unreadable.SubjectId, unreadable.Fault);
        return Problems.Create(StatusCodes.Status500InternalServerError, ProblemTypes.PersonalDataUnreadable, "Personal data unreadable",
            "A stored personal value failed its integrity check or its key is missing. Quote the correlation id when you report it.");
    }
}
