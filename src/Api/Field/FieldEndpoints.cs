using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Api.Field;

public sealed record SurveyCompletionBody(string Findings, decimal AdjustedKwp);

/// <summary>The field crews: their own crew's jobs only (another crew's order is a 404), each step with
/// <c>If-Match</c> (the version read) and an <c>Idempotency-Key</c>.</summary>
public static class FieldEndpoints
{
    public static void MapFieldEndpoints(this IEndpointRouteBuilder app)
    {
        var field = app.MapGroup("/api/v1/field").RequireCapability(Capability.FieldWork);
        var order = field.MapGroup("/orders/{orderId:guid}").RequiresIfMatch();
        order.MapPost("/site-survey/completion", CompleteSurvey).Dispatches(typeof(CompleteSiteSurvey));
        order.MapPost("/installation/completion", RecordInstallation).Dispatches(typeof(RecordInstallation));
        order.MapPost("/activation", Activate).Dispatches(typeof(ActivateSystem));
    }

    private static async Task<Ok<StreamChanged>> CompleteSurvey(
        Guid orderId, SurveyCompletionBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new CompleteSiteSurvey(orderId, body.Findings, body.AdjustedKwp), orderId,
            body, cancellation));

    private static async Task<Ok<StreamChanged>> RecordInstallation(Guid orderId, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new RecordInstallation(orderId), orderId, body: null, cancellation));

    private static async Task<Ok<StreamChanged>> Activate(Guid orderId, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new ActivateSystem(orderId), orderId, body: null, cancellation));
}
