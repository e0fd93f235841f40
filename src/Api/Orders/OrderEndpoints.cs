using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Orders.RequestingQuote;
using SolarEvents.Domain.Orders;
using SolarEvents.Projections.ReadModels;
using Wolverine;

namespace SolarEvents.Api.Orders;

/// <summary>What a customer sends to ask for a quote. Who the customer is comes from the token.</summary>
public sealed record RequestQuoteBody(InstallationSite Site, RoofType Roof, decimal EstimatedKwp, SystemConfiguration System);

public sealed record OrderSummaryResponse(
    Guid OrderId, string Status, string City, string CountryCode, decimal EstimatedKwp, int PanelCount,
    bool WithBattery, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, long Version);

public static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var customerOrders = app.MapGroup("/api/v1/orders").RequireAuthorization(Authentication.Policies.Customer);
        customerOrders.MapPost("/", RequestQuote);
        customerOrders.MapGet("/{orderId:guid}", GetOwnOrder);
    }

    private static async Task<Created<StreamChanged>> RequestQuote(
        RequestQuoteBody body, HttpContext http, IMessageBus bus, CancellationToken cancellation)
    {
        var customer = Actor.From(http.User)!;
        var command = new RequestQuote(Guid.CreateVersion7(), customer.Id, body.Site, body.Roof, body.EstimatedKwp, body.System);
        var changed = await bus.InvokeAsync<StreamChanged>(command, cancellation);
        return TypedResults.Created($"/api/v1/orders/{changed.StreamId}", changed);
    }

    /// <summary>Another customer's order is a 404, exactly like a missing one: no probing for ids.</summary>
    private static async Task<Results<Ok<OrderSummaryResponse>, NotFound>> GetOwnOrder(
        Guid orderId, HttpContext http, IDbContextFactory<ReadModelDbContext> contexts, CancellationToken cancellation)
    {
        var customer = Actor.From(http.User)!;
        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var order = await db.OrderSummaries.AsNoTracking()
            .Where(o => o.OrderId == orderId && o.CustomerId == customer.Id)
            .Select(o => new OrderSummaryResponse(o.OrderId, o.Status, o.City, o.CountryCode, o.EstimatedKwp,
                o.PanelCount, o.WithBattery, o.RequestedAt, o.UpdatedAt, o.Version))
            .SingleOrDefaultAsync(cancellation);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(order);
    }
}
