using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Authentication;
using SolarEvents.Api.Queries;
using SolarEvents.Application.Employees.Onboarding;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;
using Wolverine;

namespace SolarEvents.Api.Employees;

public sealed record OnboardEmployeeRequest(string DisplayName, string WorkEmail);

public sealed record GrantRoleRequest(EmployeeRole Role);

public sealed record ReasonRequest(string Reason);

/// <summary>Employee administration (Admin; a second admin or Compliance decides an admin nomination). Who acts comes from the token; each command has its own rule too.</summary>
public static class EmployeeEndpoints
{
    public static void MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/v1/employees").RequireAuthorization(Policies.Admin);
        employees.MapPost("/", Onboard);
        employees.MapPost("/{employeeId:guid}/roles", Grant);
        employees.MapPost("/{employeeId:guid}/roles/{role}/revoke", Revoke);
        employees.MapPost("/{employeeId:guid}/offboard", Offboard);
        employees.MapPost("/{employeeId:guid}/admin-nomination", Nominate);

        var nominations = app.MapGroup("/api/v1/employees/{employeeId:guid}/admin-nomination").RequireAuthorization(StaffPolicies.AdminNomination);
        nominations.MapPost("/approve", Approve);
        nominations.MapPost("/reject", Reject);
    }

    private static async Task<Created<EmployeeOnboardedResult>> Onboard(
        OnboardEmployeeRequest body, HttpContext http, IMessageBus bus, CancellationToken cancellation)
    {
        var command = new OnboardEmployee(Guid.CreateVersion7(), body.DisplayName, body.WorkEmail, ActorId(http));
        var result = await bus.InvokeAsync<EmployeeOnboardedResult>(command, cancellation);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/employees/{result.EmployeeId}", result);
    }

    private static async Task<Ok<StreamChanged>> Grant(
        Guid employeeId, GrantRoleRequest body, HttpContext http, IMessageBus bus, CancellationToken cancellation) =>
        TypedResults.Ok(await bus.InvokeAsync<StreamChanged>(new GrantRole(employeeId, body.Role, ActorId(http)), cancellation));

    private static async Task<Results<Ok<StreamChanged>, NotFound>> Revoke(
        Guid employeeId, string role, ReasonRequest body, HttpContext http, IMessageBus bus, TokenRevocation revocation,
        CancellationToken cancellation)
    {
        if (!Enum.TryParse<EmployeeRole>(role, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed)) return TypedResults.NotFound();
        var changed = await bus.InvokeAsync<StreamChanged>(new RevokeRole(employeeId, parsed, ActorId(http), body.Reason), cancellation);
        revocation.Forget(employeeId);
        return TypedResults.Ok(changed);
    }

    private static async Task<Ok<StreamChanged>> Nominate(
        Guid employeeId, ReasonRequest body, HttpContext http, IMessageBus bus, CancellationToken cancellation) =>
        TypedResults.Ok(await bus.InvokeAsync<StreamChanged>(new NominateAdmin(employeeId, ActorId(http), body.Reason), cancellation));

    private static async Task<Ok<StreamChanged>> Approve(
        Guid employeeId, HttpContext http, IMessageBus bus, SecurityEvents securityEvents, CancellationToken cancellation)
    {
        var approver = ActorId(http);
        var changed = await bus.InvokeAsync<StreamChanged>(new ApproveAdminNomination(employeeId, approver), cancellation);
        securityEvents.Record(SecurityEvents.AdminGranted, employeeId, $"approved by {approver}");
        return TypedResults.Ok(changed);
    }

    private static async Task<Ok<StreamChanged>> Reject(
        Guid employeeId, ReasonRequest body, HttpContext http, IMessageBus bus, CancellationToken cancellation) =>
        TypedResults.Ok(await bus.InvokeAsync<StreamChanged>(new RejectAdminNomination(employeeId, ActorId(http), body.Reason), cancellation));

    private static async Task<Ok<StreamChanged>> Offboard(
        Guid employeeId, ReasonRequest body, HttpContext http, IMessageBus bus, SignInSessions sessions, CancellationToken cancellation)
    {
        var changed = await bus.InvokeAsync<StreamChanged>(new OffboardEmployee(employeeId, ActorId(http), body.Reason), cancellation);
        await sessions.EndAllAsync(employeeId, cancellation);
        return TypedResults.Ok(changed);
    }

    /// <summary>The acting employee, from the token (an admin, or a compliance officer deciding a nomination).</summary>
    private static Guid ActorId(HttpContext http) => Actor.From(http.User)!.Id;
}
