using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.Orders.Quoting;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Orders;

/// <summary>What a customer sends to ask for a quote. Who the customer is comes from the token.</summary>
public sealed record RequestQuoteBody(InstallationSite Site, RoofType Roof, decimal EstimatedKwp, SystemConfiguration System);

/// <summary>The quote the customer saw and accepts.</summary>
public sealed record QuoteAcceptanceBody(Guid QuoteId);

public sealed record OwnCancellationBody(string Reason);

/// <summary>A customer's own orders. Another customer's order is a 404, exactly like a missing one.</summary>
public static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var customerOrders = app.MapGroup("/api/v1/orders").RequireCapability(Capability.OwnAccount);
        customerOrders.MapPost("/", RequestQuote).Dispatches(typeof(RequestQuote));
        var ownOrder = customerOrders.MapGroup("/{orderId:guid}").RequiresIfMatch();
        ownOrder.MapPost("/quote-acceptance", AcceptQuote).Dispatches(typeof(AcceptOwnQuote));
        ownOrder.MapPost("/cancellation", Cancel).Dispatches(typeof(CancelOwnOrder));
        customerOrders.MapGet("/", ListOwnOrders);
        customerOrders.MapGet("/{orderId:guid}", GetOwnOrder);
    }

    private static async Task<Created<StreamChanged>> RequestQuote(RequestQuoteBody body, HttpContext http, CancellationToken cancellation)
    {
        var command = new RequestQuote(Guid.CreateVersion7(), http.Caller().Id, body.Site, body.Roof, body.EstimatedKwp, body.System);
        var changed = await CommandDispatch.SendAsync<StreamChanged>(http, command, command.OrderId, body, cancellation);
        return TypedResults.Created($"/api/v1/orders/{changed.StreamId}", changed);
    }

    private static async Task<Ok<StreamChanged>> AcceptQuote(Guid orderId, QuoteAcceptanceBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new AcceptOwnQuote(orderId, http.Caller().Id, body.QuoteId), orderId, body,
            cancellation));

    private static async Task<Ok<StreamChanged>> Cancel(Guid orderId, OwnCancellationBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new CancelOwnOrder(orderId, http.Caller().Id, body.Reason), orderId, body,
            cancellation));

    private static async Task<Ok<Page<OrderListItem>>> ListOwnOrders(
        HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation,
        int? limit = null, string? after = null, string? status = null)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var page = await db.OrdersPageAsync(customer.Id, status, Paging.Limit(limit), Paging.Before(after), cancellation);
        return TypedResults.Ok(new Page<OrderListItem>(page.Items.Select(o => o.ToListItem()).ToList(), page.Next));
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetOwnOrder(
        Guid orderId, HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, TimeProvider clock,
        CancellationToken cancellation, long? minVersion = null)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var order = await ReadYourWrites.ReadAsync(minVersion, () => db.OrderAsync(orderId, customer.Id, cancellation),
            o => o.Version, clock, cancellation);
        if (order is null) return TypedResults.NotFound();
        return TypedResults.Ok(order.ToDetail(await db.TimelineAsync(orderId, cancellation), forStaff: false));
    }
}
