using FluentValidation;
using Marten;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.GrantingRoles;

// Admin is granted by two people: an admin nominates, another admin or a compliance officer approves (or rejects).
// Compliance may approve so that a company with a single admin can still name a second one under four eyes.

public sealed class NominateAdminAuthorization : CommandAuthorizationHandler<NominateAdmin>
{
    protected override bool IsAllowed(Actor actor, NominateAdmin command) =>
        actor.Role == Roles.Admin && command.NominatedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class ApproveAdminNominationAuthorization : CommandAuthorizationHandler<ApproveAdminNomination>
{
    protected override bool IsAllowed(Actor actor, ApproveAdminNomination command) =>
        AdminNominations.MayDecide(actor, command.ApprovedBy, command.EmployeeId);
}

public sealed class RejectAdminNominationAuthorization : CommandAuthorizationHandler<RejectAdminNomination>
{
    protected override bool IsAllowed(Actor actor, RejectAdminNomination command) =>
        AdminNominations.MayDecide(actor, command.RejectedBy, command.EmployeeId);
}

public sealed class NominateAdminValidator : AbstractValidator<NominateAdmin>
{
    public NominateAdminValidator() => RuleFor(c => c.Reason).IsARealReason(minLength: 20, minWords: 4);
}

public sealed class RejectAdminNominationValidator : AbstractValidator<RejectAdminNomination>
{
    public RejectAdminNominationValidator() => RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
}

public static class AdminNominations
{
    internal static bool MayDecide(Actor actor, Guid decidedBy, Guid employeeId) =>
        actor.Role is Roles.Admin or Roles.Compliance && decidedBy == actor.Id && employeeId != actor.Id;
}

public static class NominateAdminHandler
{
    public static Task<StreamChanged> Handle(NominateAdmin command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        EmployeeStreams.DecideAsync(session, command.EmployeeId, employee => Employee.NominateAdmin(employee, command, clock.GetUtcNow()), cancellation);
}

public static class ApproveAdminNominationHandler
{
    public static Task<StreamChanged> Handle(
        ApproveAdminNomination command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        EmployeeStreams.DecideAsync(
            session, command.EmployeeId, employee => Employee.ApproveAdminNomination(employee, command, clock.GetUtcNow()), cancellation);
}

public static class RejectAdminNominationHandler
{
    public static Task<StreamChanged> Handle(
        RejectAdminNomination command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        EmployeeStreams.DecideAsync(
            session, command.EmployeeId, employee => Employee.RejectAdminNomination(employee, command, clock.GetUtcNow()), cancellation);
}
