using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Queries;

/// <summary>Route-group policies for staff reads (DESIGN.md's access table). Customers have their own.</summary>
public static class StaffPolicies
{
    public const string Support = "staff:support";
    public const string PersonalData = "staff:personal-data";
    public const string Erasure = "staff:erasure";
    public const string RequestTrail = "staff:request-trail";
    public const string Sales = "staff:sales";
    public const string Operations = "staff:operations";
    public const string BreakGlass = "staff:break-glass";
    public const string AdminNomination = "staff:admin-nomination";

    public static IServiceCollection AddStaffPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Support, policy => policy.RequireRole(Roles.SupportAgent, Roles.Admin))
            // DESIGN.md's access table: support reads personal data (every read recorded); Admins do not.
            .AddPolicy(PersonalData, policy => policy.RequireRole(Roles.SupportAgent))
            .AddPolicy(Erasure, policy => policy.RequireRole(Roles.Compliance, Roles.Admin))
            .AddPolicy(RequestTrail, policy => policy.RequireRole(Roles.SupportAgent, Roles.Admin, Roles.Compliance))
            .AddPolicy(Sales, policy => policy.RequireRole(Roles.Sales))
            .AddPolicy(Operations, policy => policy.RequireRole(Roles.Engineer))
            // Engineers reach personal data only through their own approved, time-boxed break-glass access.
            .AddPolicy(BreakGlass, policy => policy.RequireRole(Roles.Engineer))
            // The second pair of eyes on a new admin: another admin, or Compliance when there is only one admin.
            .AddPolicy(AdminNomination, policy => policy.RequireRole(Roles.Admin, Roles.Compliance));
        return services;
    }
}
