using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.Domain.Orders;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Tests.EventStore;

/// <summary>A stream as it is appended: the aggregate it belongs to, its id and its events in order.</summary>
public sealed record StreamToAppend(Type Aggregate, Guid Id, IReadOnlyList<object> Events);

/// <summary>Every story, linked the way support would link them (requests naming the order or account they
/// change), so that together they produce every event type the domain emits.</summary>
public sealed class Scenario
{
    public Scenario()
    {
        var requestId = Guid.CreateVersion7();
        Activated = OrderStories.Activated(requestId);
        Cancelled = OrderStories.Cancelled(requestId);
        Account = AccessStories.ErasedAccount(requestId);
        UsedRequest = AccessStories.UsedRequest(Activated.StreamId, Activated.Events.Count);
        RejectedRequest = AccessStories.RejectedRequest(Account.StreamId);
        ExpiredRequest = AccessStories.ExpiredRequest(Account.StreamId);
        Employee = AccessStories.OffboardedEmployee(Account.StreamId, Guid.CreateVersion7());
        PersonalDataReads = AccessStories.ReadsOf(Account.StreamId);
    }

    public Story<Order> Activated { get; }

    public Story<Order> Cancelled { get; }

    public Story<Account> Account { get; }

    public Story<ChangeRequest> UsedRequest { get; }

    public Story<ChangeRequest> RejectedRequest { get; }

    public Story<ChangeRequest> ExpiredRequest { get; }

    public Story<Employee> Employee { get; }

    public Story<PersonalDataReads> PersonalDataReads { get; }

    public IReadOnlyList<StreamToAppend> Streams =>
    [
        Of(Activated), Of(Cancelled), Of(Account), Of(UsedRequest), Of(RejectedRequest), Of(ExpiredRequest), Of(Employee), Of(PersonalDataReads),
    ];

    private static StreamToAppend Of<T>(Story<T> story)
        where T : class => new(typeof(T), story.StreamId, story.Events);
}
