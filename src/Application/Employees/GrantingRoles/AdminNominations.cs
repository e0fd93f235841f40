using SolarEvents.Application.ChangeRequests;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Employees.GrantingRoles;

// Admin is granted by two people: an admin nominates, another admin or a compliance officer approves (or rejects).
// Compliance may approve so that a company with a single admin can still name a second one under four eyes.

public sealed class NominateAdminAuthorization() : CommandAuthorizationHandler<NominateAdmin>(Capability.EmployeeAdministration)
{
    protected override bool IsAllowed(Actor actor, NominateAdmin command) => command.NominatedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class ApproveAdminNominationAuthorization() : CommandAuthorizationHandler<ApproveAdminNomination>(Capability.AdminNomination)
{
    protected override bool IsAllowed(Actor actor, ApproveAdminNomination command) =>
        command.ApprovedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class RejectAdminNominationAuthorization() : CommandAuthorizationHandler<RejectAdminNomination>(Capability.AdminNomination)
{
    protected override bool IsAllowed(Actor actor, RejectAdminNomination command) =>
        command.RejectedBy == actor.Id && command.EmployeeId != actor.Id;
}

public sealed class NominateAdminValidator : AbstractValidator<NominateAdmin>
{
    public NominateAdminValidator() => RuleFor(c => c.Reason).IsARealReason(minLength: 20, minWords: 4);
}

public sealed class RejectAdminNominationValidator : AbstractValidator<RejectAdminNomination>
{
    public RejectAdminNominationValidator() => RuleFor(c => c.Reason).IsARealReason(minLength: 10, minWords: 3);
}

public static class NominateAdminHandler
{
    public static Task<StreamChanged> Handle(
        NominateAdmin command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.NominateAdmin(employee, command, streams.Now), cancellation);
    }
}

public static class ApproveAdminNominationHandler
{
    public static Task<StreamChanged> Handle(
        ApproveAdminNomination command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.ApproveAdminNomination(employee, command, streams.Now), cancellation);
    }
}

/// <summary>A new admin is a security event, once it is committed.</summary>
public sealed class ApproveAdminNominationRecorded(SecurityEvents security) : AfterCommit<ApproveAdminNomination>
{
    protected override Task RunAsync(ApproveAdminNomination command, CancellationToken cancellation)
    {
        security.Record(SecurityEvents.AdminGranted, command.EmployeeId, $"approved by {command.ApprovedBy}");
        return Task.CompletedTask;
    }
}

public static class RejectAdminNominationHandler
{
    public static Task<StreamChanged> Handle(
        RejectAdminNomination command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return streams.DecideAsync<Employee>(command.EmployeeId, expectedVersion: null,
            employee => Employee.RejectAdminNomination(employee, command, streams.Now), cancellation);
    }
}
