using System.Diagnostics;
using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity.Passwords;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class password_hashes_on_sign_in(SolarEventsApp app)
{
    [Fact]
    public async Task a_hash_with_weaker_parameters_is_replaced_on_the_next_sign_in()
    {
        var email = Identity.NewEmail();
        await Identity.RegisterAsync(app, email);
        var weaker = new PasswordHasher(new PasswordHashingOptions { MemoryKiB = 8 * 1024, Iterations = 1, Parallelism = 1 });
        var store = app.ApiServices.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var credential = await app.CredentialOfAsync(email);
            session.Store(credential with { PasswordHash = weaker.Hash(Identity.GoodPassword) });
            await session.SaveChangesAsync();
        }

        await Identity.SignInAsync(app, email, Identity.GoodPassword);

        await using var query = store.QuerySession();
        var upgraded = await app.CredentialOfAsync(email);
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", upgraded.PasswordHash, StringComparison.Ordinal);
        await Identity.SignInAsync(app, email, Identity.GoodPassword);
    }

    /// <summary>An unknown address must cost a full hash too, or response time tells who is a customer.
    /// The bound is loose on purpose (shared machines): without the dummy hash the ratio is below 0.1.</summary>
    [Fact]
    public async Task an_unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        var email = Identity.NewEmail();
        await Identity.RegisterAsync(app, email);
        using (var warmUp = app.Client()) await Identity.RequestTokenAsync(warmUp, new { email = Identity.NewEmail(), password = "warming up the hasher" });

        var wrong = await MedianAsync(() => new { email, password = "wrong but long password" });
        var unknown = await MedianAsync(() => new { email = Identity.NewEmail(), password = "wrong but long password" });

        Assert.True(unknown > wrong * 0.4, $"unknown {unknown.TotalMilliseconds} ms vs wrong password {wrong.TotalMilliseconds} ms");
    }

    private async Task<TimeSpan> MedianAsync(Func<object> body)
    {
        using var client = app.Client();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await Identity.RequestTokenAsync(client, body());
            times.Add(watch.Elapsed);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        return times.Order().ElementAt(2);
    }
}
