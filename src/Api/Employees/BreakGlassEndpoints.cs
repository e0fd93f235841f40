using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Employees.BreakGlass;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections.ReadModels;

namespace SolarEvents.Api.Employees;

public sealed record BreakGlassRequestBody(Guid AccountId, string Reason, string IncidentReference);

public sealed record BreakGlassStartBody(DateTimeOffset Until);

/// <summary>
/// Break-glass for engineers (docs/architecture.md, Access table): ask with a reason and an incident reference, get
/// another person's approval (the ordinary change-request approval), start it for at most 8 hours, read that one
/// customer's account, end it or let it lapse. Every read is recorded like a support agent's, and every start and
/// read is a security event.
/// </summary>
public static class BreakGlassEndpoints
{
    public static void MapBreakGlassEndpoints(this IEndpointRouteBuilder app)
    {
        var breakGlass = app.MapGroup("/api/v1/break-glass").RequireCapability(Capability.BreakGlass);
        var commands = breakGlass.MapGroup("").RequiresIdempotencyKey();
        commands.MapPost("/requests", Request).Dispatches(typeof(RequestBreakGlass));
        commands.MapPost("/requests/{requestId:guid}/start", Start).Dispatches(typeof(StartBreakGlass));
        commands.MapPost("/end", End).Dispatches(typeof(EndBreakGlassAccess));
        breakGlass.MapGet("/accounts/{accountId:guid}", ReadAccount);
    }

    private static async Task<Created<StreamChanged>> Request(BreakGlassRequestBody body, HttpContext http, CancellationToken cancellation)
    {
        var command = new RequestBreakGlass(Guid.CreateVersion7(), http.Caller().Id, body.AccountId, body.Reason, body.IncidentReference);
        var changed = await CommandDispatch.SendAsync<StreamChanged>(http, command, command.RequestId, body, cancellation);
        return TypedResults.Created($"/api/v1/staff/change-requests/{changed.StreamId}/trail", changed);
    }

    private static async Task<Ok<StreamChanged>> Start(
        Guid requestId, BreakGlassStartBody body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http,
            new StartBreakGlass(http.Caller().Id, requestId, body.Until), requestId, body, cancellation));

    private static async Task<Ok<StreamChanged>> End(HttpContext http, CancellationToken cancellation)
    {
        var command = new EndBreakGlassAccess(http.Caller().Id);
        return TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, command, command.EngineerId, body: null, cancellation));
    }

    /// <summary>404 unless the engineer's access covers this account now: without it, the account might as well not
    /// exist (as another customer's resources are for a customer).</summary>
    private static async Task<Results<Ok<StaffAccount>, NotFound>> ReadAccount(
        Guid accountId, HttpContext http, BreakGlassAccess access, IDbContextFactory<ReadModelDbContext> contexts, PersonalDataReveal reveal,
        SecurityEvents securityEvents, CancellationToken cancellation)
    {
        var engineer = http.Caller().Id;
        if (!await access.CoversAsync(engineer, accountId, cancellation)) return TypedResults.NotFound();

        await using var db = await contexts.CreateDbContextAsync(cancellation);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId, cancellation);
        if (account is null) return TypedResults.NotFound();
        securityEvents.Record(SecurityEvents.BreakGlassUsed, engineer, $"read account {accountId}");
        var shown = await StaffAccounts.ShowAsync([account], reveal, "break-glass", cancellation);
        return TypedResults.Ok(shown[0]);
    }
}
