using System.Text.Json;
using SolarEvents.Application.Identity;
using SolarEvents.EndToEnd.Tests.Amendments;
using SolarEvents.EndToEnd.Tests.PersonalData;

namespace SolarEvents.EndToEnd.Tests.Lifecycle;

/// <summary>What each role reads of an order's lifecycle: the customer their order with its quote, appointments and
/// payments; support the same with what only staff see; Sales the order and the pipeline's stages; a crew its jobs.</summary>
[Collection(WholeSystem.Name)]
public sealed class reading_the_lifecycle(SolarEventsApp app)
{
    [Fact]
    public async Task a_crew_sees_its_own_jobs_soonest_first_with_the_customers_name_phone_and_address_and_every_read_is_recorded()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        using var customerClient = await customer.SignInAsync(app);
        var crew = await OrderJourney.NewCrewAsync(app);
        var later = await OrderJourney.StartAsync(app, customerClient, crew);
        await later.ScheduleSurveyAsync(inDays: 5);
        var sooner = await OrderJourney.StartAsync(app, customerClient, crew);
        await sooner.ScheduleSurveyAsync(inDays: 3);
        var otherCrews = await OrderJourney.StartAsync(app);
        await otherCrews.ScheduleSurveyAsync(inDays: 1);
        // The projector writes in event order: once the last step is readable, so are the others.
        using (await otherCrews.Sales.WaitUntilReadableAsync($"/api/v1/sales/orders/{otherCrews.OrderId}?minVersion={otherCrews.Version}"))
        {
        }

        var first = await JobsAsync(crew.Client, "/api/v1/field/jobs?limit=1");
        var second = await JobsAsync(crew.Client, $"/api/v1/field/jobs?limit=1&after={first.GetProperty("next").GetString()}");

        var jobs = new[] { first, second }.Select(page => Assert.Single(page.GetProperty("items").EnumerateArray().ToList())).ToList();
        Assert.Equal([sooner.OrderId, later.OrderId], jobs.Select(j => j.GetProperty("orderId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.All(jobs, job =>
        {
            Assert.Equal("survey", job.GetProperty("kind").GetString());
            Assert.Equal("10115", job.GetProperty("site").GetProperty("postalCode").GetString());
            Assert.Equal((customer.Name, customer.Phone, customer.Address),
                (job.GetProperty("customerName").GetString(), job.GetProperty("customerPhone").GetString(), job.GetProperty("customerAddress").GetString()));
            Assert.False(job.TryGetProperty("customerEmail", out _));
        });
        Assert.DoesNotContain(customer.Email, first.GetRawText(), StringComparison.Ordinal);

        using var compliance = app.ClientFor(Guid.CreateVersion7(), Roles.Compliance);
        using var reads = await compliance.GetJsonAsync($"/api/v1/compliance/customers/{customer.Id}/personal-data-reads");
        var fieldReads = reads.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("data").GetProperty("Purpose").GetString() == "field job").ToList();
        Assert.Equal(2, fieldReads.Count);
        Assert.All(fieldReads, e => Assert.Equal(crew.EmployeeId.ToString(), e.GetProperty("actorId").GetString()));
        Assert.All(fieldReads, e => Assert.Equal(["name", "phone", "address"],
            e.GetProperty("data").GetProperty("Fields").EnumerateArray().Select(f => f.GetString())));
    }

    [Fact]
    public async Task an_installer_in_no_crew_has_no_jobs()
    {
        using var installer = app.ClientFor(Guid.CreateVersion7(), Roles.Installer);

        using var page = await installer.GetJsonAsync("/api/v1/field/jobs");

        Assert.Equal(0, page.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task the_customer_sees_the_quote_appointments_payments_and_balance_and_support_sees_crews_and_overpayment()
    {
        var journey = await (await OrderJourney.StartAsync(app)).AcceptedAsync();
        await journey.ScheduleInstallationAsync();
        await journey.PayAsync(Streams.QuoteTotal, "Final"); // 3,000 beyond what was still owed

        using var own = await journey.Customer.GetJsonAsync($"/api/v1/orders/{journey.OrderId}?minVersion={journey.Version}");
        var order = own.RootElement;
        Assert.Equal("InstallationScheduled", order.GetProperty("status").GetString());
        var quote = order.GetProperty("quote");
        Assert.Equal(journey.QuoteId, quote.GetProperty("quoteId").GetGuid());
        Assert.Equal((Streams.QuoteTotal, Streams.Currency), (quote.GetProperty("total").GetDecimal(), quote.GetProperty("currency").GetString()));
        Assert.Equal([9_000m, 3_000m], quote.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(20m, quote.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
        var appointments = order.GetProperty("appointments");
        Assert.NotEqual(JsonValueKind.Null, appointments.GetProperty("surveyAt").ValueKind);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), DateOnly.Parse(appointments.GetProperty("installationFrom").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture));
        var billing = order.GetProperty("billing");
        Assert.Equal((Streams.QuoteTotal, Streams.Paid + Streams.QuoteTotal, -Streams.Paid),
            (billing.GetProperty("total").GetDecimal(), billing.GetProperty("paid").GetDecimal(), billing.GetProperty("balance").GetDecimal()));
        Assert.Equal(["Deposit", "Final"], billing.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, billing.GetProperty("overpaid").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("crews").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("survey").GetProperty("findings").ValueKind);

        using var agent = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using var staff = await agent.GetJsonAsync($"/api/v1/staff/orders/{journey.OrderId}");
        var staffOrder = staff.RootElement.GetProperty("order");
        Assert.Equal(Streams.Paid, staffOrder.GetProperty("billing").GetProperty("overpaid").GetDecimal());
        Assert.Equal(Streams.Paid, staffOrder.GetProperty("billing").GetProperty("payments")[1].GetProperty("excess").GetDecimal());
        Assert.Equal(journey.Crew.CrewId, staffOrder.GetProperty("crews").GetProperty("installationCrewId").GetGuid());
        Assert.Equal("South-facing roof, no shading", staffOrder.GetProperty("survey").GetProperty("findings").GetString());
    }

    [Fact]
    public async Task sales_sees_an_order_with_its_quote_and_a_masked_phone_and_the_pipeline_counts_every_stage()
    {
        var customer = await PlantedCustomer.RegisterAsync(app);
        using var customerClient = await customer.SignInAsync(app);
        var journey = await (await OrderJourney.StartAsync(app, customerClient)).AcceptedAsync();

        using var view = await journey.Sales.GetJsonAsync($"/api/v1/sales/orders/{journey.OrderId}?minVersion={journey.Version}");
        var order = view.RootElement;
        Assert.Equal("QuoteAccepted", order.GetProperty("status").GetString());
        Assert.Equal(journey.QuoteId, order.GetProperty("quote").GetProperty("quoteId").GetGuid());
        Assert.Equal(("10115", 8.4m), (order.GetProperty("site").GetProperty("postalCode").GetString(), order.GetProperty("system").GetProperty("kwp").GetDecimal()));
        Assert.EndsWith(customer.Phone[^3..], order.GetProperty("maskedPhone").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(customer.Phone, order.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(customer.Name, order.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(journey.Version, order.GetProperty("timeline").GetArrayLength());

        using var pipeline = await journey.Sales.GetJsonAsync("/api/v1/sales/pipeline?limit=1");
        var stages = pipeline.RootElement.GetProperty("stages");
        Assert.Equal(Enum.GetNames<Domain.Orders.OrderStatus>(), stages.EnumerateObject().Select(s => s.Name));
        Assert.True(stages.GetProperty("QuoteAccepted").GetInt32() >= 1);
        Assert.Single(pipeline.RootElement.GetProperty("items").EnumerateArray());
    }

    private static async Task<JsonElement> JobsAsync(HttpClient crew, string path)
    {
        using var page = await crew.GetJsonAsync(path);
        return page.RootElement.Clone();
    }
}
