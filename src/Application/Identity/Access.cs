using Microsoft.Extensions.DependencyInjection;

namespace SolarEvents.Application.Identity;

/// <summary>What a role may do, in coarse strokes. Finer rules (whose order, who opened a request) are each
/// command's own, on top of its capability.</summary>
public enum Capability
{
    /// <summary>A customer's own account and orders.</summary>
    OwnAccount,

    /// <summary>Staff views of orders, accounts' summaries and the change-request queue.</summary>
    SupportDesk,

    /// <summary>Customers' personal data in the clear; every read recorded.</summary>
    PersonalData,

    /// <summary>Open change requests and amend orders and accounts under them.</summary>
    Amend,

    /// <summary>Approve or reject a change request someone else opened.</summary>
    DecideChangeRequests,

    RequestTrail,

    /// <summary>Erase a customer's personal data under an approved request that support opened.</summary>
    Erasure,

    /// <summary>Run the sales pipeline: see it, schedule surveys and installations, issue quotes, record grid approval.</summary>
    SalesPipeline,

    /// <summary>A field crew member's work: their own crew's jobs only.</summary>
    FieldWork,

    Operations,

    /// <summary>An engineer's own approved, time-boxed access to one customer's personal data.</summary>
    BreakGlass,

    EmployeeAdministration,

    /// <summary>Decide another admin's nomination: a second admin, or Compliance when there is only one.</summary>
    AdminNomination,

    ComplianceAudit,

    /// <summary>Any signed-in person: their own password and second factor.</summary>
    OwnCredentials,
}

/// <summary>
/// The access table: the one place that says which role has which capability. Route policies (one per capability,
/// named <see cref="PolicyName"/>) and every command's authorization rule read it, so the door and the room agree.
/// </summary>
public static class Access
{
    public static IReadOnlyDictionary<Capability, IReadOnlyList<string>> Table { get; } = new Dictionary<Capability, IReadOnlyList<string>>
    {
        [Capability.OwnAccount] = [Roles.Customer],
        [Capability.SupportDesk] = [Roles.SupportAgent, Roles.Admin],
        [Capability.PersonalData] = [Roles.SupportAgent],
        [Capability.Amend] = [Roles.SupportAgent],
        [Capability.DecideChangeRequests] = [Roles.SupportAgent, Roles.Admin],
        [Capability.RequestTrail] = [Roles.SupportAgent, Roles.Admin, Roles.Compliance],
        [Capability.Erasure] = [Roles.Compliance, Roles.Admin],
        [Capability.SalesPipeline] = [Roles.Sales],
        [Capability.FieldWork] = [Roles.Installer],
        [Capability.Operations] = [Roles.Engineer],
        [Capability.BreakGlass] = [Roles.Engineer],
        [Capability.EmployeeAdministration] = [Roles.Admin],
        [Capability.AdminNomination] = [Roles.Admin, Roles.Compliance],
        [Capability.ComplianceAudit] = [Roles.Compliance],
        [Capability.OwnCredentials] = Roles.All,
    };

    public static bool Allows(string role, Capability capability) => Table[capability].Contains(role);

    public static string PolicyName(Capability capability) => "capability:" + capability;

    /// <summary>One route policy per capability: the caller's role must have it.</summary>
    public static IServiceCollection AddCapabilityPolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (capability, roles) in Table)
            builder.AddPolicy(PolicyName(capability), policy => policy.RequireRole(roles));
        return services;
    }
}
