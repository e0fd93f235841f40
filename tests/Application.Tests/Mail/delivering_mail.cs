using System.Net;
using System.Net.Sockets;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;
using SolarEvents.Application.Tests.EventStore;
using SolarEvents.Application.Tests.PersonalData;

namespace SolarEvents.Application.Tests.Mail;

/// <summary>The mail queue against real PostgreSQL, with the real SMTP client: a pickup directory stands in for the
/// relay, a closed port for a relay that is down.</summary>
[Collection(SharedEventStore.Name)]
public sealed class delivering_mail(EventStoreFixture fixture) : IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "solarevents-mail-tests", Guid.NewGuid().ToString("N"));
    private readonly PersonalDataKeys _keys = KeyRing.Over(fixture.Store);
    private readonly MovableClock _clock = new();

    [Fact]
    public async Task two_instances_draining_together_send_a_mail_once_and_then_it_is_gone()
    {
        var mailId = await QueueAsync("racer@example.test");
        var options = new MailOptions { PickupDirectory = _pickup };
        var first = Delivery(options);
        var second = Delivery(options);

        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        var sent = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        Assert.Contains("To: racer@example.test", await File.ReadAllTextAsync(sent), StringComparison.Ordinal);
        Assert.Contains("code 12345", await File.ReadAllTextAsync(sent), StringComparison.Ordinal);
        Assert.Null(await LoadAsync(mailId));
    }

    [Fact]
    public async Task a_relay_that_is_down_gets_later_attempts_each_further_apart_and_in_the_end_the_mail_is_given_up()
    {
        var mailId = await QueueAsync("patient@example.test");
        var delivery = Delivery(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = ClosedPort(), SmtpTls = false, MaxAttempts = 3 });

        Assert.True(await delivery.SendNextAsync(CancellationToken.None));
        var first = await LoadAsync(mailId);
        Assert.Equal((1, _clock.Now + TimeSpan.FromSeconds(30)), (first!.Attempts, first.NextAttemptAt));
        Assert.False(await delivery.SendNextAsync(CancellationToken.None)); // not due yet

        _clock.Now = first.NextAttemptAt;
        Assert.True(await delivery.SendNextAsync(CancellationToken.None));
        var second = await LoadAsync(mailId);
        Assert.Equal((2, _clock.Now + TimeSpan.FromMinutes(1)), (second!.Attempts, second.NextAttemptAt));

        _clock.Now = second.NextAttemptAt;
        Assert.True(await delivery.SendNextAsync(CancellationToken.None));
        Assert.Null(await LoadAsync(mailId));
    }

    [Fact]
    public async Task a_mail_to_an_erased_customer_is_dropped_unsent()
    {
        var mailId = await QueueAsync("erased@example.test", erase: true);

        await DrainAsync(Delivery(new MailOptions { PickupDirectory = _pickup }));

        Assert.Null(await LoadAsync(mailId));
        Assert.False(Directory.Exists(_pickup) && Directory.GetFiles(_pickup).Length > 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup)) Directory.Delete(_pickup, recursive: true);
    }

    private MailDelivery Delivery(MailOptions options) =>
        new(fixture.Store, _keys, new SmtpMailTransport(options), options, _clock, NullLogger<MailDelivery>.Instance);

    private static async Task DrainAsync(MailDelivery delivery)
    {
        while (await delivery.SendNextAsync(CancellationToken.None))
        {
        }
    }

    private async Task<Guid> QueueAsync(string recipient, bool erase = false)
    {
        var customerId = Guid.CreateVersion7();
        var key = await _keys.CreateAsync(fixture.Store, customerId);
        await using var session = fixture.Store.LightweightSession();
        OutboundMail.Queue(session, key, key.Seal(recipient), "A subject", "Your code 12345", _clock.Now);
        if (erase) await _keys.DestroyAsync(session, customerId, CancellationToken.None);
        await session.SaveChangesAsync();
        return (await session.Query<OutboundMail>().SingleAsync(m => m.RecipientId == customerId)).Id;
    }

    private async Task<OutboundMail?> LoadAsync(Guid mailId)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<OutboundMail>(mailId);
    }

    /// <summary>A port nothing listens on: taken from the OS, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A clock the test moves; it starts later than any mail other tests queued, so theirs are due too. Whole
    /// seconds: PostgreSQL keeps microseconds, and a time it rounded up would not be due at the very same instant.</summary>
    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
