using SolarEvents.Application.Identity;
using SolarEvents.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Operations;

/// <summary>For engineers: how far the projector is behind the event log. No customer data.</summary>
public static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/ops/projections", GetStatus).RequireCapability(Capability.Operations);
    }

    private static async Task<Ok<ProjectionStatus>> GetStatus(ReadModelLag lag, CancellationToken cancellation) =>
        TypedResults.Ok(await lag.MeasureAsync(cancellation));
}
