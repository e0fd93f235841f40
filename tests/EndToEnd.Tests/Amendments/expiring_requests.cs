using System.Net;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>Its own databases and hosts: the point is to stop the host that scheduled the expiry.</summary>
public sealed class expiring_requests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ShortLivedRequests = new()
    {
        ["ChangeRequests:ValidFor"] = "00:00:04",
        ["ChangeRequests:ExpiryPolling"] = "00:00:01",
    };

    private readonly string _signingKey = ApiHost.NewSigningKey();
    private TestDatabases? _databases;

    public async Task InitializeAsync() => _databases = await TestDatabases.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_databases is not null) await _databases.DisposeAsync();
    }

    [Fact]
    public async Task an_unused_request_expires_even_when_the_host_that_opened_it_was_restarted_meanwhile()
    {
        var agentId = Guid.CreateVersion7();
        Guid orderId, requestId;
        DateTimeOffset stoppedAt;
        await using (var before = ApiHost.Start(_databases!, _signingKey, ShortLivedRequests))
        {
            orderId = await before.ClientFor(Guid.CreateVersion7(), Roles.Customer).RequestQuoteAsync();
            using var agent = before.ClientFor(agentId, Roles.SupportAgent);
            requestId = await agent.OpenRequestAsync(orderId, "Reschedule");
        }

        stoppedAt = DateTimeOffset.UtcNow;
        await using var after = ApiHost.Start(_databases!, _signingKey, ShortLivedRequests);
        Assert.Single(await after.Services.EventsAsync(requestId));

        var expired = await Eventually.Until(async () =>
            (await after.Services.EventsAsync(requestId)).FirstOrDefault(e => e.Data is ChangeRequestExpired),
            timeout: TimeSpan.FromSeconds(40), what: "the expiry after the restart");

        Assert.True(expired.Timestamp >= stoppedAt, "the expiry was appended by the host started after the first stopped");
        Assert.Equal(SystemActor.Id, expired.UserName);
        Assert.Equal(SystemActor.Role, expired.GetHeader(ActorMetadataMiddleware.ActorRoleHeader)?.ToString());
        Assert.Equal(2, (await after.Services.EventsAsync(requestId)).Count);

        using var sameAgent = after.ClientFor(agentId, Roles.SupportAgent);
        await SupportDesk.ExpectProblemAsync(await sameAgent.PostAsync($"/api/v1/staff/orders/{orderId}/reschedule",
                new { changeRequestId = requestId, window = SupportDesk.Window(30, 31), reason = SupportDesk.Reason }, Streams.OrderVersion),
            HttpStatusCode.Conflict, "rule:request-expired");
    }

    [Fact]
    public async Task a_request_closed_before_its_time_is_not_expired()
    {
        await using var host = ApiHost.Start(_databases!, _signingKey, ShortLivedRequests);
        var orderId = await host.ClientFor(Guid.CreateVersion7(), Roles.Customer).RequestQuoteAsync();
        using var agent = host.ClientFor(Guid.CreateVersion7(), Roles.SupportAgent);
        var closedId = await agent.OpenRequestAsync(orderId, "Reschedule");
        var unusedId = await agent.OpenRequestAsync(orderId, "Reschedule");
        await SupportDesk.ExpectAsync(await agent.PostAsync($"/api/v1/staff/change-requests/{closedId}/closure",
            new { outcome = "Handled by phone" }), HttpStatusCode.OK);

        await Eventually.Until(async () =>
            (await host.Services.EventsAsync(unusedId)).FirstOrDefault(e => e.Data is ChangeRequestExpired),
            timeout: TimeSpan.FromSeconds(40), what: "the unused request's expiry");

        Assert.DoesNotContain(await host.Services.EventsAsync(closedId), e => e.Data is ChangeRequestExpired);
    }
}
