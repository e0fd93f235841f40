using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Employees.Onboarding;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Api.Employees;

public sealed record OnboardEmployeeRequest(string DisplayName, string WorkEmail);

public sealed record GrantRoleRequest(EmployeeRole Role);

public sealed record ReasonRequest(string Reason);

public sealed record CrewRequest(Guid CrewId);

/// <summary>Employee administration (Admin; a second admin or Compliance decides an admin nomination). Who acts comes
/// from the token; each command has its own rule too. Every POST honours an <c>Idempotency-Key</c>.</summary>
public static class EmployeeEndpoints
{
    public static void MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/v1/employees").RequireCapability(Capability.EmployeeAdministration);
        employees.MapPost("/", Onboard).Dispatches(typeof(OnboardEmployee));
        employees.MapPost("/{employeeId:guid}/roles", Grant).Dispatches(typeof(GrantRole));
        employees.MapPost("/{employeeId:guid}/roles/{role}/revoke", Revoke).Dispatches(typeof(RevokeRole));
        employees.MapPost("/{employeeId:guid}/offboard", Offboard).Dispatches(typeof(OffboardEmployee));
        employees.MapPost("/{employeeId:guid}/admin-nomination", Nominate).Dispatches(typeof(NominateAdmin));
        employees.MapPost("/{employeeId:guid}/crew", AssignCrew).Dispatches(typeof(AssignCrew));

        var nominations = app.MapGroup("/api/v1/employees/{employeeId:guid}/admin-nomination").RequireCapability(Capability.AdminNomination);
        nominations.MapPost("/approve", Approve).Dispatches(typeof(ApproveAdminNomination));
        nominations.MapPost("/reject", Reject).Dispatches(typeof(RejectAdminNomination));
    }

    private static async Task<Created<EmployeeOnboardedResult>> Onboard(OnboardEmployeeRequest body, HttpContext http, CancellationToken cancellation)
    {
        var command = new OnboardEmployee(Guid.CreateVersion7(), body.DisplayName, body.WorkEmail, http.Caller().Id);
        var result = await CommandDispatch.SendAsync<EmployeeOnboardedResult>(http, command, command.EmployeeId, body, cancellation);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/employees/{result.EmployeeId}", result);
    }

    private static async Task<Ok<StreamChanged>> Grant(Guid employeeId, GrantRoleRequest body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new GrantRole(employeeId, body.Role, http.Caller().Id), employeeId, body, cancellation));

    private static async Task<Results<Ok<StreamChanged>, NotFound>> Revoke(
        Guid employeeId, string role, ReasonRequest body, HttpContext http, CancellationToken cancellation)
    {
        if (!Enum.TryParse<EmployeeRole>(role, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed)) return TypedResults.NotFound();
        var command = new RevokeRole(employeeId, parsed, http.Caller().Id, body.Reason);
        return TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, command, employeeId, body, cancellation));
    }

    private static async Task<Ok<StreamChanged>> Nominate(Guid employeeId, ReasonRequest body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new NominateAdmin(employeeId, http.Caller().Id, body.Reason), employeeId, body, cancellation));

    private static async Task<Ok<StreamChanged>> Approve(Guid employeeId, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new ApproveAdminNomination(employeeId, http.Caller().Id), employeeId, body: null, cancellation));

    private static async Task<Ok<StreamChanged>> Reject(Guid employeeId, ReasonRequest body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new RejectAdminNomination(employeeId, http.Caller().Id, body.Reason), employeeId, body, cancellation));

    private static async Task<Ok<StreamChanged>> AssignCrew(Guid employeeId, CrewRequest body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new AssignCrew(employeeId, body.CrewId, http.Caller().Id), employeeId, body, cancellation));

    private static async Task<Ok<StreamChanged>> Offboard(Guid employeeId, ReasonRequest body, HttpContext http, CancellationToken cancellation) =>
        TypedResults.Ok(await CommandDispatch.SendAsync<StreamChanged>(http, new OffboardEmployee(employeeId, http.Caller().Id, body.Reason), employeeId, body, cancellation));
}
