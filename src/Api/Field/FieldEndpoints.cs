using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Orders;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Field;

public sealed record SurveyCompletionBody(string Findings, decimal AdjustedKwp);

/// <summary>The field crews: their own crew's jobs only (another crew's order is a 404), each step with
/// <c>If-Match</c> (the version read) and an <c>Idempotency-Key</c>.</summary>
public static class FieldEndpoints
{
    public static void MapFieldEndpoints(this IEndpointRouteBuilder app)
    {
        var field = app.MapGroup("/api/v1/field").RequireCapability(Capability.FieldWork);
        field.MapGet("/jobs", ListJobs);
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

    /// <summary>The caller's crew's jobs, soonest appointment first, keyset-paged; the crew is the one the caller's
    /// Employee stream names now, so an installer out of every crew (or just moved) sees no other crew's jobs. Each
    /// page's customers' names and phones are opened for the crew, every read recorded.</summary>
    private static async Task<Ok<Page<FieldJob>>> ListJobs(
        IQuerySession session, ICallerContext caller, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataReveal reveal,
        CancellationToken cancellation, int? limit = null, string? after = null)
    {
        var (take, from) = (Paging.Limit(limit), Paging.AfterAppointment(after));
        if (await OrderAccess.CrewOfAsync(session, caller, cancellation) is not { } crew)
            return TypedResults.Ok(new Page<FieldJob>([], null));
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.FieldJobsPageAsync(crew, take, from, cancellation);
        return TypedResults.Ok(new Page<FieldJob>(await db.ShowAsync(page.Items, reveal, cancellation), page.Next));
    }
}
