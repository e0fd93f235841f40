using System.Net;
using SolarEvents.Application.Identity;
using SolarEvents.EndToEnd.Tests.Amendments;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class reading_orders(SolarEventsApp app)
{
    [Fact]
    public async Task my_orders_come_newest_first_in_bounded_pages_and_never_include_another_customers()
    {
        using var mine = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        using var theirs = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var myOrders = new List<Guid>();
        for (var i = 0; i < 5; i++) myOrders.Add(await mine.RequestQuoteAsync());
        await theirs.RequestQuoteAsync();
        await theirs.RequestQuoteAsync();
        await mine.WaitUntilReadableAsync($"/api/v1/orders/{myOrders[^1]}?minVersion=1");

        var seen = new List<Guid>();
        string? next = null;
        var pages = 0;
        do
        {
            using var page = await mine.GetJsonAsync("/api/v1/orders?limit=2" + (next is null ? "" : $"&after={next}"));
            var items = page.RootElement.GetProperty("items");
            Assert.InRange(items.GetArrayLength(), 1, 2);
            seen.AddRange(items.EnumerateArray().Select(item => item.GetProperty("orderId").GetGuid()));
            next = page.RootElement.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(myOrders), seen);
    }

    [Theory]
    [InlineData("/api/v1/orders?limit=1000")]
    [InlineData("/api/v1/orders?limit=0")]
    [InlineData("/api/v1/orders?after=not-a-cursor")]
    [InlineData("/api/v1/orders?after=-5")]
    public async Task out_of_bounds_paging_is_a_400(string path)
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);

        using var problem = await client.GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.Equal("urn:solarevents:problem:validation", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_read_with_the_version_just_written_waits_for_the_projector()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var orderId = await client.RequestQuoteAsync();

        // No polling here: the endpoint itself waits until the read model has version 1.
        using var order = await client.GetJsonAsync($"/api/v1/orders/{orderId}?minVersion=1");

        Assert.Equal(1, order.RootElement.GetProperty("version").GetInt64());
        var timeline = order.RootElement.GetProperty("timeline");
        Assert.Equal("order.quote_requested.v1", Assert.Single(timeline.EnumerateArray()).GetProperty("event").GetString());
    }

    [Fact]
    public async Task a_read_for_a_version_not_yet_projected_is_a_409_with_the_current_version()
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var orderId = await client.RequestQuoteAsync();
        await client.WaitUntilReadableAsync($"/api/v1/orders/{orderId}");

        using var problem = await client.GetJsonAsync($"/api/v1/orders/{orderId}?minVersion=5", HttpStatusCode.Conflict);

        Assert.Equal("urn:solarevents:problem:read-model-behind", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, problem.RootElement.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task support_sees_any_order_with_its_customer_and_sales_sees_the_pipeline_without_customers()
    {
        var customerId = Guid.CreateVersion7();
        using var customer = app.ClientFor(customerId, Roles.Customer);
        var orderId = await customer.RequestQuoteAsync();
        await customer.WaitUntilReadableAsync($"/api/v1/orders/{orderId}");

        using var support = app.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        using var staffView = await support.GetJsonAsync($"/api/v1/staff/orders/{orderId}");
        Assert.Equal(customerId, staffView.RootElement.GetProperty("customerId").GetGuid());

        using var sales = app.ClientFor(Guid.CreateVersion7(), Roles.Sales);
        using var pipeline = await sales.GetJsonAsync("/api/v1/sales/pipeline?status=QuoteRequested&limit=100");
        var line = pipeline.RootElement.GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("orderId").GetGuid() == orderId);
        Assert.False(line.TryGetProperty("customerId", out _));
        Assert.DoesNotContain(customerId.ToString(), pipeline.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Roles.Customer, "/api/v1/staff/orders/{0}", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Sales, "/api/v1/staff/orders/{0}", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Engineer, "/api/v1/staff/orders/{0}", HttpStatusCode.Forbidden)]
    [InlineData(Roles.SupportAgent, "/api/v1/sales/pipeline", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Customer, "/api/v1/sales/pipeline", HttpStatusCode.Forbidden)]
    [InlineData(Roles.SupportAgent, "/api/v1/ops/projections", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Engineer, "/api/v1/orders", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Engineer, "/api/v1/ops/projections", HttpStatusCode.OK)]
    [InlineData(Roles.Compliance, "/api/v1/staff/change-requests", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, "/api/v1/staff/change-requests", HttpStatusCode.OK)]
    public async Task staff_reads_follow_the_access_table(string role, string pathFormat, HttpStatusCode expected)
    {
        using var client = app.ClientFor(Guid.CreateVersion7(), role);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, Guid.CreateVersion7()));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task engineers_see_how_far_the_projector_is_behind()
    {
        using var customer = app.ClientFor(Guid.CreateVersion7(), Roles.Customer);
        var orderId = await customer.RequestQuoteAsync();
        await customer.WaitUntilReadableAsync($"/api/v1/orders/{orderId}?minVersion=1");

        using var engineer = app.ClientFor(Guid.CreateVersion7(), Roles.Engineer);
        using var status = await engineer.GetJsonAsync("/api/v1/ops/projections");

        Assert.True(status.RootElement.GetProperty("head").GetInt64() >= 1);
        Assert.True(status.RootElement.GetProperty("checkpoint").GetInt64() >= 1);
        Assert.True(status.RootElement.GetProperty("lag").GetInt64() >= 0);
    }

    [Fact]
    public async Task my_account_comes_from_the_read_model_and_is_404_before_registration()
    {
        var customerId = Guid.CreateVersion7();
        using var client = app.ClientFor(customerId, Roles.Customer);
        using (await client.GetJsonAsync("/api/v1/accounts/me", HttpStatusCode.NotFound))
        {
        }

        await app.ApiServices.RegisteredAccountAsync(customerId, name: "Grace Hopper", phone: "+1 202 555 0199");

        using var account = await client.WaitUntilReadableAsync("/api/v1/accounts/me");
        Assert.Equal(customerId, account.RootElement.GetProperty("accountId").GetGuid());
        Assert.Equal("Active", account.RootElement.GetProperty("status").GetString());
        var contact = account.RootElement.GetProperty("contact");
        Assert.Equal("Grace Hopper", contact.GetProperty("name").GetString());
        Assert.Equal("+1 202 555 0199", contact.GetProperty("phone").GetString());
        Assert.Equal($"{customerId:N}@example.test", contact.GetProperty("email").GetString());
    }
}
