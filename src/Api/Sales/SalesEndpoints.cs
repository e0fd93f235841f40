using SolarEvents.Application.Identity;
using SolarEvents.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Accounts;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Sales;

/// <summary>A pipeline line: what sales needs to follow an order. Of the customer only the installation city and a
/// masked phone number (<see cref="Masking.Phone"/>), enough to recognise a caller; null once erased.</summary>
public sealed record PipelineItem(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount, bool WithBattery,
    string? Currency, decimal? QuoteTotal, DateTimeOffset? QuoteValidUntil, DateTimeOffset RequestedAt, string? MaskedPhone);

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

    private static async Task<Ok<Page<PipelineItem>>> ListPipeline(
        IDbContextFactory<ReadModelDbContext> contexts, PersonalDataKeys keys, CancellationToken cancellation,
        string? status = null, int? limit = null, string? after = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.OrdersPageAsync(customerId: null, status, Paging.Limit(limit), Paging.Before(after), cancellation);
        var customerIds = page.Items.Select(o => o.CustomerId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => customerIds.Contains(a.AccountId)).ToListAsync(cancellation);
        var maskedPhones = new Dictionary<Guid, string>();
        foreach (var account in accounts.Where(a => !a.PersonalDataErased && a.Phone is not null))
        {
            // Only the phone is opened, on the server, and masked before it leaves: Sales never receives the number.
            var key = await keys.GetAsync(account.AccountId, cancellation);
            maskedPhones[account.AccountId] = Masking.Phone(key.Open(account.Phone!));
        }

        var items = page.Items.Select(o => new PipelineItem(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp,
            o.PanelCount, o.WithBattery, o.Currency, o.QuoteTotal, o.QuoteValidUntil, o.RequestedAt,
            maskedPhones.GetValueOrDefault(o.CustomerId))).ToList();
        return TypedResults.Ok(new Page<PipelineItem>(items, page.Next));
    }
}
