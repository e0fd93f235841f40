using SolarEvents.Application.Identity;
using SolarEvents.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Sales;

public sealed record SiteSurveyBody(DateTimeOffset SurveyAt, Guid CrewId);

public sealed record QuoteLineBody(string Description, decimal Quantity, decimal UnitPrice);

public sealed record QuoteBody(IReadOnlyList<QuoteLineBody> Lines, string Currency, DateTimeOffset ValidUntil);

public sealed record InstallationBody(InstallationWindow Window, Guid CrewId);

public sealed record GridConnectionBody(string GridOperatorReference);

/// <summary>The sales desk: the pipeline, and the steps Sales takes on an order (each with <c>If-Match</c>, the
/// version read, and an <c>Idempotency-Key</c>).</summary>
public static class SalesEndpoints
{
    public static void MapSalesEndpoints(this IEndpointRouteBuilder app)
    {
        var sales = app.MapGroup("/api/v1/sales").RequireCapability(Capability.SalesPipeline);
        sales.MapGet("/pipeline", ListPipeline);
        sales.MapGet("/orders/{orderId:guid}", GetOrder);
        var order = sales.MapGroup("/orders/{orderId:guid}").RequiresIfMatch();
        order.MapPost("/site-survey", ScheduleSurvey).Dispatches(typeof(ScheduleSiteSurvey));
        order.MapPost("/quotes", IssueQuote).Dispatches(typeof(IssueQuote));
        order.MapPost("/installation", ScheduleInstallation).Dispatches(typeof(ScheduleInstallation));
        order.MapPost("/grid-connection", ApproveGridConnection).Dispatches(typeof(ApproveGridConnection));
    }

    private static async Task<Ok<StreamChanged>> ScheduleSurvey(Guid orderId, SiteSurveyBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new ScheduleSiteSurvey(orderId, body.SurveyAt, body.CrewId), orderId,
            body, cancellation));

    /// <summary>201: a new quote, with its id chosen here; it supersedes an earlier one not yet accepted.</summary>
    private static async Task<Created<StreamChanged>> IssueQuote(Guid orderId, QuoteBody body, HttpContext http, CancellationToken cancellation)
    {
        // A null among the lines is the body's shape, not a line: refused like any other malformed field.
        if (body.Lines?.Any(line => line is null) == true)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["Lines"] = ["Every line needs a description, a quantity and a unit price."] });
        var lines = (body.Lines ?? []).Select(line => PriceLine.Of(line.Description, line.Quantity, line.UnitPrice)).ToList();
        var command = new IssueQuote(orderId, Guid.CreateVersion7(), lines, body.Currency, body.ValidUntil);
        var changed = await CommandDispatch.SendAsync<StreamChanged>(http, command, orderId, body, cancellation);
        return TypedResults.Created($"/api/v1/sales/orders/{orderId}", changed);
    }

    private static async Task<Ok<StreamChanged>> ScheduleInstallation(
        Guid orderId, InstallationBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new ScheduleInstallation(orderId, body.Window, body.CrewId), orderId,
            body, cancellation));

    private static async Task<Ok<StreamChanged>> ApproveGridConnection(
        Guid orderId, GridConnectionBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new ApproveGridConnection(orderId, body.GridOperatorReference), orderId,
            body, cancellation));

    /// <summary>A page of the pipeline (newest first, optionally one stage), with the count of orders at every stage.</summary>
    private static async Task<Ok<PipelinePage>> ListPipeline(
        IDbContextFactory<ReadModelDbContext> contexts, PersonalDataKeys keys, CancellationToken cancellation,
        string? status = null, int? limit = null, string? after = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.OrdersPageAsync(customerId: null, status, Paging.Limit(limit), Paging.Before(after), cancellation);
        var maskedPhones = await db.MaskedPhonesAsync(keys, page.Items.Select(o => o.CustomerId), cancellation);
        var items = page.Items.Select(o => o.ToPipelineItem(maskedPhones.GetValueOrDefault(o.CustomerId))).ToList();
        return TypedResults.Ok(new PipelinePage(items, page.Next, await db.StageCountsAsync(cancellation)));
    }

    /// <summary>One order as Sales works it; with <c>minVersion</c>, no older than the caller's last change to it.</summary>
    private static async Task<Results<Ok<SalesOrderView>, NotFound>> GetOrder(
        Guid orderId, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation, long? minVersion = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var order = await ReadYourWrites.ReadAsync(minVersion, () => db.OrderAsync(orderId, ownedBy: null, cancellation),
            o => o.Version, clock, cancellation);
        if (order is null) return TypedResults.NotFound();
        var maskedPhones = await db.MaskedPhonesAsync(keys, [order.CustomerId], cancellation);
        return TypedResults.Ok(order.ToSalesView(await db.TimelineAsync(orderId, cancellation), maskedPhones.GetValueOrDefault(order.CustomerId)));
    }
}
