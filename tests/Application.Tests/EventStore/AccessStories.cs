using SolarEvents.Domain;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Privacy;
using static SolarEvents.Application.Tests.EventStore.StoryClock;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>Accounts, change requests and employees driven through their decisions, with fresh ids.</summary>
public static class AccessStories
{
    /// <summary>Personal data reaches the domain already encrypted; these stand for such envelopes.</summary>
    private static string Sealed(string what) => $"enc:v1:{what}:{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}";

    public static Story<Account> ErasedAccount(Guid changeRequestId)
    {
        var accountId = Guid.CreateVersion7();
        return new Story<Account>(accountId, AccountHistory.Evolve)
            .Start(() => Account.Register(new RegisterAccount(accountId, Sealed("email"), "email-index", Sealed("name"), Sealed("phone"), "phone-index", Sealed("address")), T0))
            .Then(a => Account.ChangeContactDetails(a, new ChangeContactDetails(a.Id, Sealed("phone"), "phone-index-2", Sealed("address"), changeRequestId), Day(1)))
            .Then(a => Account.VerifyEmail(a, new VerifyEmail(a.Id), Day(1).AddMinutes(5)))
            .Then(a => Account.Suspend(a, new SuspendAccount(a.Id, "Chargeback under investigation", changeRequestId), Day(2)))
            .Then(a => Account.Reactivate(a, new ReactivateAccount(a.Id, "Chargeback withdrawn", null), Day(3)))
            .Then(a => Account.ErasePersonalData(a, new ErasePersonalData(a.Id), Day(30)));
    }

    /// <summary>Two support agents read the customer's personal data: two recorded reads.</summary>
    public static Story<PersonalDataReads> ReadsOf(Guid accountId) =>
        new Story<PersonalDataReads>(PersonalDataAccess.StreamIdOf(accountId), PersonalDataReads.Evolve)
            .ThenStored(new PersonalDataViewed(accountId, Guid.CreateVersion7(), "SupportAgent", ["email", "phone"], "search by phone", Day(1)))
            .ThenStored(new PersonalDataViewed(accountId, Guid.CreateVersion7(), "SupportAgent", ["email", "name", "phone", "address"], "account view", Day(2)));

    /// <summary>Opened, approved by a second person, used on <paramref name="orderId"/>, and closed.</summary>
    public static Story<ChangeRequest> UsedRequest(Guid orderId, long orderVersion)
    {
        var requestId = Guid.CreateVersion7();
        var agent = Guid.CreateVersion7();
        return Opened(requestId, agent, orderId, [ChangeCategory.Refund, ChangeCategory.Reschedule], TimeSpan.FromDays(7))
            .Then(r => ChangeRequest.Approve(r, new ApproveChangeRequest(r.Id, Guid.CreateVersion7(), "Delay confirmed by planning"), Day(0).AddHours(1)))
            .Then(r => ChangeRequest.RecordAppliedChanges(r, new RecordAppliedChanges(
                r.Id,
                orderId,
                [EventCatalog.NameOf(typeof(Domain.Orders.InstallationRescheduled)), EventCatalog.NameOf(typeof(Domain.Orders.PaymentRefunded))],
                orderVersion), Day(0).AddHours(2)))
            .Then(r => ChangeRequest.Close(r, new CloseChangeRequest(r.Id, agent, "Rescheduled and refunded"), Day(0).AddHours(3)));
    }

    public static Story<ChangeRequest> RejectedRequest(Guid accountId) =>
        Opened(Guid.CreateVersion7(), Guid.CreateVersion7(), accountId, [ChangeCategory.SuspendAccount], TimeSpan.FromDays(3))
            .Then(r => ChangeRequest.Reject(r, new RejectChangeRequest(r.Id, Guid.CreateVersion7(), "No grounds for suspension"), Day(1)));

    public static Story<ChangeRequest> ExpiredRequest(Guid accountId) =>
        Opened(Guid.CreateVersion7(), Guid.CreateVersion7(), accountId, [ChangeCategory.UpdateContactDetails], TimeSpan.FromHours(36))
            .Then(r => ChangeRequest.Expire(r, new ExpireChangeRequest(r.Id), Day(2)));

    /// <summary>Two roles, one revoked, break-glass ended early, granted again, then offboarding ends it all.</summary>
    public static Story<Employee> OffboardedEmployee(Guid accountId, Guid breakGlassRequestId)
    {
        var employeeId = Guid.CreateVersion7();
        var admin = Guid.CreateVersion7();
        var secondAdmin = Guid.CreateVersion7();
        return new Story<Employee>(employeeId, EmployeeHistory.Evolve)
            .Start(() => Employee.Onboard(new OnboardEmployee(employeeId, "Grace Hopper", "grace@solarevents.example", admin), T0))
            .Then(e => Employee.GrantRole(e, new GrantRole(e.Id, EmployeeRole.SupportAgent, admin), Day(0).AddMinutes(10)))
            .Then(e => Employee.GrantRole(e, new GrantRole(e.Id, EmployeeRole.Engineer, admin), Day(0).AddMinutes(11)))
            .Then(e => Employee.RevokeRole(e, new RevokeRole(e.Id, EmployeeRole.Engineer, admin, "Moved to support"), Day(5)))
            .Then(e => Employee.NominateAdmin(e, new NominateAdmin(e.Id, admin, "Leads the support team from next month"), Day(5).AddHours(1)))
            .Then(e => Employee.RejectAdminNomination(e, new RejectAdminNomination(e.Id, secondAdmin, "Not before the handover"), Day(5).AddHours(2)))
            .Then(e => Employee.NominateAdmin(e, new NominateAdmin(e.Id, admin, "Handover done, leads the support team"), Day(5).AddHours(3)))
            .Then(e => Employee.ApproveAdminNomination(e, new ApproveAdminNomination(e.Id, secondAdmin), Day(5).AddHours(4)))
            .Then(e => Employee.GrantBreakGlass(e, new GrantBreakGlass(e.Id, accountId, breakGlassRequestId, Day(6).AddHours(4)), Day(6)))
            .Then(e => Employee.EndBreakGlass(e, new EndBreakGlass(e.Id, "Incident resolved"), Day(6).AddHours(1)))
            .Then(e => Employee.GrantBreakGlass(e, new GrantBreakGlass(e.Id, accountId, breakGlassRequestId, Day(6).AddHours(6)), Day(6).AddHours(2)))
            .Then(e => Employee.GrantRole(e, new GrantRole(e.Id, EmployeeRole.Installer, admin), Day(6).AddHours(2).AddMinutes(10)))
            .Then(e => Employee.AssignCrew(e, new AssignCrew(e.Id, Guid.CreateVersion7(), admin), Day(6).AddHours(2).AddMinutes(20)))
            .Then(e => Employee.Offboard(e, new OffboardEmployee(e.Id, admin, "Left the company"), Day(6).AddHours(3)));
    }

    private static Story<ChangeRequest> Opened(
        Guid requestId, Guid openedBy, Guid targetStreamId, IReadOnlyList<ChangeCategory> categories, TimeSpan validFor) =>
        new Story<ChangeRequest>(requestId, ChangeRequestHistory.Evolve)
            .Start(() => ChangeRequest.Open(
                new OpenChangeRequest(requestId, openedBy, targetStreamId, categories, "Customer called about the order", "TICKET-20260302-17", validFor),
                T0));
}
