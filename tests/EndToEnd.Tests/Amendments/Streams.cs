using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;

namespace SolarEvents.EndToEnd.Tests.Amendments;

/// <summary>
/// The figures of the orders <see cref="Journeys"/> takes through the routes, and reading streams back for
/// assertions. Two things only the system itself does are done here directly: an account planted under an id the
/// test chooses (for reading an account whose id the test must know before it exists) and the expiry the scheduler
/// appends.
/// </summary>
public static class Streams
{
    public const string Currency = "EUR";
    public const decimal QuoteTotal = 12_000m;
    public const decimal Paid = 3_000m;

    /// <summary>The version of an order <see cref="Journeys.OrderReadyForInstallationAsync"/> returns.</summary>
    public const long OrderVersion = 7;

    /// <summary>A registered, active account (version 1) under a chosen id, its personal fields sealed with its own data
    /// key as registration would; the email is <c>{id:N}@example.test</c>. Tests that need no chosen id register
    /// through the route (<see cref="Journeys.RegisteredCustomerAsync"/>).</summary>
    public static async Task<Guid> RegisteredAccountAsync(
        this IServiceProvider services, Guid? id = null, string name = "Ada Lovelace", string phone = "+44 20 7946 0018",
        string address = "12 Analytical Row, London")
    {
        var accountId = id ?? Guid.CreateVersion7();
        var blindIndex = services.GetRequiredService<BlindIndex>();
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        var key = await services.GetRequiredService<PersonalDataKeys>().CreateAsync(session, accountId, CancellationToken.None);
        var email = $"{accountId:N}@example.test";
        var registered = Account.Register(
            new RegisterAccount(accountId, key.Seal(email), blindIndex.OfEmail(email), key.Seal(name), key.Seal(phone), blindIndex.OfPhone(phone),
                key.Seal(address)),
            DateTimeOffset.UtcNow);
        session.Events.StartStream<Account>(accountId, registered.ThrowIfRejected());
        await session.SaveChangesAsync();
        return accountId;
    }

    public static async Task<IReadOnlyList<IEvent>> EventsAsync(this IServiceProvider services, Guid streamId)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(streamId);
    }

    /// <summary>What the expiry scheduler appends, for tests that need an expired request now.</summary>
    public static async Task ExpireAsync(this IServiceProvider services, Guid requestId)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.Append(requestId, new ChangeRequestExpired(requestId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }
}
