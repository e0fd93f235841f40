using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Employees;

/// <summary>The stable codes of every rule an employee decision can refuse with.</summary>
public static class EmployeeRules
{
    /// <summary>Break-glass is for an incident, not a working day.</summary>
    public static readonly TimeSpan MaxBreakGlass = TimeSpan.FromHours(8);

    /// <summary>Long enough for a colleague to look at it, short enough that a forgotten one does not linger.</summary>
    public static readonly TimeSpan AdminNominationValidFor = TimeSpan.FromDays(3);

    public const string EmployeeIsOffboarded = "employee-offboarded";
    public const string RoleSelfGrant = "role-self-grant";
    public const string RoleAlreadyHeld = "role-already-held";
    public const string RoleNotHeld = "role-not-held";
    public const string AdminNeedsNomination = "admin-needs-nomination";
    public const string AdminNominationPending = "admin-nomination-pending";
    public const string AdminNominationMissing = "admin-nomination-missing";
    public const string AdminNominationOwnApproval = "admin-nomination-own-approval";
    public const string BreakGlassAlreadyActive = "break-glass-already-active";
    public const string BreakGlassNotActive = "break-glass-not-active";
    public const string BreakGlassWindowInvalid = "break-glass-window-invalid";
    public const string CrewNeedsInstaller = "crew-needs-installer";
    public const string CrewMissing = "crew-missing";
    public const string CrewUnchanged = "crew-unchanged";

    private static readonly Dictionary<string, string> Details = new()
    {
        [EmployeeIsOffboarded] = "The employee has been offboarded.",
        [RoleSelfGrant] = "Nobody can grant a role to themselves.",
        [RoleAlreadyHeld] = "The employee already holds that role.",
        [RoleNotHeld] = "The employee does not hold that role.",
        [AdminNeedsNomination] = "Admin is granted only through a nomination that another person approves.",
        [AdminNominationPending] = "The employee already has an admin nomination waiting for approval.",
        [AdminNominationMissing] = "The employee has no admin nomination waiting (it may have expired).",
        [AdminNominationOwnApproval] = "An admin nomination is approved by someone other than whoever nominated.",
        [BreakGlassAlreadyActive] = "The employee already has break-glass access.",
        [BreakGlassNotActive] = "The employee has no break-glass access to end.",
        [BreakGlassWindowInvalid] = "Break-glass access must end in the future and last at most 8 hours.",
        [CrewNeedsInstaller] = "Only an employee holding the Installer role is assigned to a crew.",
        [CrewMissing] = "A crew assignment names the crew.",
        [CrewUnchanged] = "The employee is already in that crew.",
    };

    internal static Decision Refuse(string code) => Decision.Reject(code, Details[code]);
}
