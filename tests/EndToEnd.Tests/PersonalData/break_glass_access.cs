using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Employees;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.PersonalData;

/// <summary>
/// Engineers read no personal data, except one customer's, for a few hours, under a request someone else approved
/// (docs/architecture.md, Access table). Every read is recorded, and every start and read is a security event.
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class break_glass_access(SolarEventsApp app)
{
    private const string Reason = "Customer reports a failed payment that the logs cannot explain";

    [Fact]
    public async Task an_engineer_reads_one_account_only_under_approved_time_boxed_access_and_every_read_is_recorded()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        var someoneElse = await PlantedCustomer.RegisterAsync(app);
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using (await agent.WaitUntilReadableAsync($"/api/v1/staff/accounts/{someoneElse.Id}"))
        {
        }

        var (engineerId, engineer) = await OnboardEngineerAsync();
        await engineer.GetJsonAsync(AccountPath(customer.Id), HttpStatusCode.NotFound);

        var requestId = await RequestAsync(engineer, customer.Id);
        await SupportDesk.ExpectProblemAsync(await StartAsync(engineer, requestId, TimeSpan.FromHours(1)),
            HttpStatusCode.Conflict, "rule:request-not-approved");
        await agent.ApproveAsync(requestId);
        await SupportDesk.ExpectProblemAsync(await StartAsync(engineer, requestId, TimeSpan.FromHours(9)),
            HttpStatusCode.Conflict, "rule:break-glass-window-invalid");
        await SupportDesk.ExpectAsync(await StartAsync(engineer, requestId, TimeSpan.FromHours(1)), HttpStatusCode.OK);

        using (var account = await engineer.WaitUntilReadableAsync(AccountPath(customer.Id)))
            Assert.Equal(customer.Email, account.RootElement.GetProperty("contact").GetProperty("email").GetString());
        await engineer.GetJsonAsync(AccountPath(someoneElse.Id), HttpStatusCode.NotFound);
        // The request is used up.
        await SupportDesk.ExpectProblemAsync(await StartAsync(engineer, requestId, TimeSpan.FromHours(1)),
            HttpStatusCode.Conflict, "rule:request-closed");

        await SupportDesk.ExpectAsync(await engineer.PostAsync("/api/v1/break-glass/end", new { }), HttpStatusCode.OK);
        await engineer.GetJsonAsync(AccountPath(customer.Id), HttpStatusCode.NotFound);
        await SupportDesk.ExpectProblemAsync(await engineer.PostAsync("/api/v1/break-glass/end", new { }),
            HttpStatusCode.Conflict, "rule:break-glass-not-active");

        using var compliance = app.ClientFor(Guid.CreateVersion7(), Roles.Compliance);
        using var reads = await compliance.GetJsonAsync($"/api/v1/compliance/customers/{customer.Id}/personal-data-reads");
        var byEngineer = reads.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("actorId").GetString() == engineerId.ToString()).ToList();
        Assert.NotEmpty(byEngineer);
        Assert.All(byEngineer, e => Assert.Equal("break-glass", e.GetProperty("data").GetProperty("Purpose").GetString()));
        Assert.Contains(SecurityEvents.BreakGlassGranted.Name!, app.Logs.Text, StringComparison.Ordinal);
        Assert.Contains(SecurityEvents.BreakGlassUsed.Name!, app.Logs.Text, StringComparison.Ordinal);

        var trail = await EventsAsync(requestId);
        Assert.Equal(["ChangeRequestOpened", "ChangeRequestApproved", "ChangeRequestClosed"], trail.Select(e => e.GetType().Name));
        Assert.Equal([ChangeCategory.BreakGlassAccess], ((ChangeRequestOpened)trail[0]).Categories);
        Assert.Equal(
            ["EmployeeOnboarded", "EmployeeRoleGranted", "BreakGlassGranted", "BreakGlassEnded"],
            (await EventsAsync(engineerId)).Select(e => e.GetType().Name));
    }

    [Fact]
    public async Task access_lapses_by_itself_when_its_time_runs_out()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        var (engineerId, engineer) = await OnboardEngineerAsync();
        var requestId = await RequestAsync(engineer, customer.Id);
        using (var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent)) await agent.ApproveAsync(requestId);

        await SupportDesk.ExpectAsync(await StartAsync(engineer, requestId, TimeSpan.FromSeconds(2)), HttpStatusCode.OK);

        var ended = await Eventually.Until(
            async () => (await EventsAsync(engineerId)).OfType<BreakGlassEnded>().FirstOrDefault(),
            TimeSpan.FromSeconds(45), "the scheduled end of break-glass access");
        Assert.Equal(Employee.EndedByLapse, ended.Reason);
        Assert.Equal(requestId, ended.ChangeRequestId);
        await engineer.GetJsonAsync(AccountPath(customer.Id), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_an_account_can_be_the_target_and_only_another_person_approves()
    {
        Guid orderId;
        var customer = await PlantedCustomer.RegisterAsync(app);
        using (var signedIn = await customer.SignInAsync(app)) orderId = await signedIn.RequestQuoteAsync();
        var (_, engineer) = await OnboardEngineerAsync();

        await SupportDesk.ExpectProblemAsync(
            await engineer.PostAsync("/api/v1/break-glass/requests", Body(orderId)), HttpStatusCode.Conflict, "rule:request-target-unknown");
        var requestId = await RequestAsync(engineer, customer.Id);
        // Engineers decide no requests, their own least of all; and support opens no break-glass for anyone.
        var approval = await engineer.PostAsync($"/api/v1/staff/change-requests/{requestId}/approval", new { comment = "fine" });
        Assert.Equal(HttpStatusCode.Forbidden, approval.StatusCode);
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/break-glass/requests", Body(customer.Id))).StatusCode);
    }

    private async Task<(Guid Id, HttpClient Client)> OnboardEngineerAsync()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var onboarded = await Employees.OnboardAsync(app, admin, nameof(EmployeeRole.Engineer));
        return (onboarded.Id, app.ClientFor(onboarded.Id, Roles.Engineer));
    }

    private static async Task<Guid> RequestAsync(HttpClient engineer, Guid accountId)
    {
        var created = await SupportDesk.ExpectAsync(await engineer.PostAsync("/api/v1/break-glass/requests", Body(accountId)), HttpStatusCode.Created);
        return created.GetProperty("streamId").GetGuid();
    }

    private static object Body(Guid accountId) => new { accountId, reason = Reason, incidentReference = "INC-2041" };

    private static Task<HttpResponseMessage> StartAsync(HttpClient engineer, Guid requestId, TimeSpan lasting) =>
        engineer.PostAsync($"/api/v1/break-glass/requests/{requestId}/start", new { until = DateTimeOffset.UtcNow + lasting });

    private static string AccountPath(Guid accountId) => $"/api/v1/break-glass/accounts/{accountId}";

    private async Task<IReadOnlyList<object>> EventsAsync(Guid streamId)
    {
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(streamId)).Select(e => e.Data)];
    }
}
