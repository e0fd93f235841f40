using System.Net;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Mail;
using SolarEvents.Domain.Orders;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Lifecycle;

/// <summary>One order from the request to an active system, every step by the role whose step it is, over HTTP.</summary>
[Collection(WholeSystem.Name)]
public sealed class walking_an_order_through_its_lifecycle(SolarEventsApp app)
{
    [Fact]
    public async Task each_role_takes_its_step_and_the_customer_hears_of_each()
    {
        var (email, token, _) = await Identity.NewCustomerAsync(app);
        using var customer = app.Client(token);
        var journey = await OrderJourney.StartAsync(app, customer);
        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);

        await journey.ScheduleSurveyAsync(inDays: 3);
        await ExpectStatusAsync(journey, "SurveyScheduled");
        await journey.ScheduleSurveyAsync(inDays: 4); // moved
        await journey.CompleteSurveyAsync();
        await ExpectStatusAsync(journey, "SurveyCompleted");
        await journey.IssueQuoteAsync();
        var firstQuote = journey.QuoteId;
        await journey.IssueQuoteAsync(); // reissued: supersedes the first
        await SupportDesk.ExpectProblemAsync(await customer.PostAsync($"/api/v1/orders/{journey.OrderId}/quote-acceptance",
            new { quoteId = firstQuote }, journey.Version), HttpStatusCode.Conflict, "rule:quote-superseded");
        await journey.AcceptQuoteAsync();
        await ExpectStatusAsync(journey, "QuoteAccepted");
        await journey.PayAsync(Streams.Paid);
        await journey.ScheduleInstallationAsync();
        await ExpectStatusAsync(journey, "InstallationScheduled");

        var reschedule = await agent.OpenRequestAsync(journey.OrderId, "Reschedule");
        await journey.StepAsync(agent, "/api/v1/staff/orders/{0}/reschedule",
            new { changeRequestId = reschedule, window = SupportDesk.Window(25, 26), reason = SupportDesk.Reason });
        await journey.RecordInstallationAsync();
        await journey.ApproveGridConnectionAsync();
        await journey.ActivateAsync();
        await ExpectStatusAsync(journey, "Activated");
        await journey.PayAsync(Streams.QuoteTotal - Streams.Paid, "Final");

        var refund = await agent.OpenRequestAsync(journey.OrderId, "Refund");
        await app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent).ApproveAsync(refund);
        await journey.StepAsync(agent, "/api/v1/staff/orders/{0}/refunds",
            new { changeRequestId = refund, amount = new { amount = 150m, currency = Streams.Currency }, reason = SupportDesk.Reason });

        Assert.Equal(
        [
            typeof(QuoteRequested), typeof(SiteSurveyScheduled), typeof(SiteSurveyScheduled), typeof(SiteSurveyCompleted), typeof(QuoteIssued),
            typeof(QuoteIssued), typeof(QuoteAccepted), typeof(PaymentRecorded), typeof(InstallationScheduled), typeof(InstallationRescheduled),
            typeof(SystemInstalled), typeof(GridConnectionApproved), typeof(SystemActivated), typeof(PaymentRecorded), typeof(PaymentRefunded),
        ], (await app.ApiServices.EventsAsync(journey.OrderId)).Select(e => e.Data.GetType()));
        string[] expected =
        [
            "Your site survey is booked", "Your site survey has moved", "Your SolarEvents quote is ready", "Your SolarEvents quote is ready",
            "We received your payment", "Your installation is booked", "Your installation has moved", "Your solar system is installed",
            "Your solar system is active", "We received your payment",
        ];
        var mails = await Eventually.Until(() =>
        {
            var subjects = Mailbox.To(app, email).Select(m => m.Subject).Where(s => s != CustomerMails.VerificationSubject).ToList();
            return Task.FromResult(subjects.Count >= expected.Length ? subjects : null);
        }, what: "the customer's mails");
        Assert.Equal(expected.Order(), mails.Order());
    }

    [Fact]
    public async Task a_customer_whose_personal_data_was_erased_gets_no_more_mail_and_the_order_goes_on()
    {
        var (email, token, _) = await Identity.NewCustomerAsync(app);
        var customerId = (await app.CredentialOfAsync(email)).Id;
        var journey = await OrderJourney.StartAsync(app, app.Client(token));
        await journey.ScheduleSurveyAsync(inDays: 3);
        await Mailbox.WaitForAsync(app, email, "Your site survey is booked");

        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var erasure = await agent.OpenRequestAsync(customerId, "ErasePersonalData");
        await app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent).ApproveAsync(erasure);
        await SupportDesk.ExpectAsync(await app.ClientFor(Guid.CreateVersion7(), Roles.Compliance).PostAsync(
            $"/api/v1/staff/accounts/{customerId}/erasure", new { changeRequestId = erasure },
            (await app.ApiServices.EventsAsync(customerId)).Count), HttpStatusCode.OK);
        var dropped = app.Logs.Text.Split("recipient's personal data is erased").Length;

        await journey.ScheduleSurveyAsync(inDays: 4); // moved: would be news, but there is nobody to tell
        await Task.Delay(TimeSpan.FromSeconds(1)); // five of the outbox's polls

        Assert.Equal(dropped, app.Logs.Text.Split("recipient's personal data is erased").Length);
        Assert.DoesNotContain(Mailbox.To(app, email), mail => mail.Subject == "Your site survey has moved");
    }

    [Fact]
    public async Task a_quote_accepted_too_late_is_refused()
    {
        var journey = await OrderJourney.StartAsync(app);
        await journey.ScheduleSurveyAsync();
        await journey.CompleteSurveyAsync();
        await journey.StepAsync(journey.Sales, "/api/v1/sales/orders/{0}/quotes", new
        {
            lines = new[] { new { description = "Panels", quantity = 1m, unitPrice = 9_000m } }, currency = "EUR",
            validUntil = DateTimeOffset.UtcNow.AddSeconds(2),
        }, HttpStatusCode.Created);
        var quoteId = (await app.ApiServices.EventsAsync(journey.OrderId)).Select(e => e.Data).OfType<QuoteIssued>().Single().QuoteId;
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await SupportDesk.ExpectProblemAsync(await journey.Customer.PostAsync($"/api/v1/orders/{journey.OrderId}/quote-acceptance",
            new { quoteId }, journey.Version), HttpStatusCode.Conflict, "rule:quote-expired");
    }

    [Fact]
    public async Task a_customer_cancels_until_the_installation_is_scheduled_and_never_someone_elses_order()
    {
        var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
        var other = await OrderJourney.StartAsync(app);
        await journey.ScheduleInstallationAsync();

        await SupportDesk.ExpectProblemAsync(await journey.Customer.PostAsync($"/api/v1/orders/{journey.OrderId}/cancellation",
            new { reason = "Changed my mind" }, journey.Version), HttpStatusCode.Conflict, "rule:cancel-needs-support");
        await SupportDesk.ExpectProblemAsync(await journey.Customer.PostAsync($"/api/v1/orders/{other.OrderId}/cancellation",
            new { reason = "Not mine" }, other.Version), HttpStatusCode.NotFound, "not-found");
        // Not even a stale version gives the other order away (a 409 would name its current version).
        await SupportDesk.ExpectProblemAsync(await journey.Customer.PostAsync($"/api/v1/orders/{other.OrderId}/cancellation",
            new { reason = "Not mine" }, other.Version + 5), HttpStatusCode.NotFound, "not-found");
        // Nor does an id that names a stream of another kind (an account): no such order.
        await SupportDesk.ExpectProblemAsync(await journey.Customer.PostAsync($"/api/v1/orders/{await app.RegisteredCustomerAsync()}/cancellation",
            new { reason = "Not an order" }, 1), HttpStatusCode.NotFound, "not-found");
        await other.StepAsync(other.Customer, "/api/v1/orders/{0}/cancellation", new { reason = "Changed my mind" });
        Assert.IsType<OrderCancelled>((await app.ApiServices.EventsAsync(other.OrderId))[^1].Data);
    }

    [Fact]
    public async Task an_installer_sees_only_their_own_crews_jobs_and_sales_and_installers_cannot_stand_in_for_each_other()
    {
        var crewA = await OrderJourney.NewCrewAsync(app);
        var crewB = await OrderJourney.NewCrewAsync(app);
        var journey = await OrderJourney.StartAsync(app, crew: crewA);
        await journey.ScheduleSurveyAsync();

        await SupportDesk.ExpectProblemAsync(await crewB.Client.PostAsync($"/api/v1/field/orders/{journey.OrderId}/site-survey/completion",
            new { findings = "Not our job", adjustedKwp = 8m }, journey.Version), HttpStatusCode.NotFound, "not-found");
        await SupportDesk.ExpectProblemAsync(await journey.Sales.PostAsync($"/api/v1/field/orders/{journey.OrderId}/site-survey/completion",
            new { findings = "Sales is no crew", adjustedKwp = 8m }, journey.Version), HttpStatusCode.Forbidden, "forbidden");
        await SupportDesk.ExpectProblemAsync(await crewA.Client.PostAsync($"/api/v1/sales/orders/{journey.OrderId}/site-survey",
            new { surveyAt = DateTimeOffset.UtcNow.AddDays(5), crewId = crewA.CrewId }, journey.Version), HttpStatusCode.Forbidden, "forbidden");
        await journey.CompleteSurveyAsync();
    }

    [Fact]
    public async Task a_lifecycle_step_needs_the_version_it_was_based_on()
    {
        var journey = await OrderJourney.StartAsync(app);

        await SupportDesk.ExpectProblemAsync(await journey.Sales.PostAsync($"/api/v1/sales/orders/{journey.OrderId}/site-survey",
            new { surveyAt = DateTimeOffset.UtcNow.AddDays(5), crewId = journey.Crew.CrewId }), HttpStatusCode.PreconditionRequired, "precondition-required");
    }

    /// <summary>The customer's own view of the order, once the projector has reached the journey's version.</summary>
    private static async Task ExpectStatusAsync(OrderJourney journey, string status)
    {
        using var order = await journey.Customer.WaitUntilReadableAsync($"/api/v1/orders/{journey.OrderId}?minVersion={journey.Version}");
        Assert.Equal(status, order.RootElement.GetProperty("status").GetString());
    }
}
