using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Api.Authentication;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Credentials;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Access tokens minted directly (no sign-in) for tests, for a user the API's revocation check
/// knows: a credential document exists for the subject.</summary>
public static class MintedTokens
{
    public static string Issue(IServiceProvider api, Guid subject, string role)
    {
        EnsureCredentialAsync(api, subject, role).GetAwaiter().GetResult();
        return api.GetRequiredService<AccessTokenIssuer>().Issue(subject, role);
    }

    private static async Task EnsureCredentialAsync(IServiceProvider api, Guid subject, string role)
    {
        await using var session = api.GetRequiredService<IDocumentStore>().LightweightSession();
        if (await session.LoadAsync<Credential>(subject) is not null) return;
        session.Store(new Credential
        {
            Id = subject,
            LoginIndex = $"minted-{subject:N}",
            Kind = role == Roles.Customer ? PrincipalKind.Customer : PrincipalKind.Employee,
        });
        await session.SaveChangesAsync();
    }
}
