using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Messaging;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Deny by default is not enough on its own: every endpoint and command states who may use it.</summary>
[Collection(WholeSystem.Name)]
public sealed class every_endpoint_and_command_has_a_policy(SolarEventsApp app)
{
    /// <summary>The only endpoints anyone may call without a token (docs/security.md).</summary>
    public static readonly IReadOnlySet<string> AnonymousAllowlist = new HashSet<string>
    {
        "* /health/live", "* /health/ready", "GET /openapi/{documentName}.json",
        "POST /api/v1/auth/token", "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout", "POST /api/v1/auth/activate",
        "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm", "POST /api/v1/accounts",
        "POST /api/v1/payments/notifications",
    };

    [Fact]
    public void every_endpoint_names_a_policy_or_is_on_the_anonymous_allowlist()
    {
        var endpoints = Endpoints(app).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var (key, endpoint) in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(AnonymousAllowlist.Contains(key), $"{key} allows anonymous callers but is not on the allowlist");
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            Assert.True(policies.Any(p => p.Policy is not null || p.Roles is not null), $"{key} has no authorization policy");
        }
    }

    [Fact]
    public async Task every_command_type_with_a_handler_has_a_policy()
    {
        var handled = HandledMessageTypes().ToList();
        var policies = app.ApiServices.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.True(handled.Count >= 6, "the scan found too few handlers to be trusted");
        foreach (var type in handled)
            Assert.True(await policies.GetPolicyAsync(CommandPolicies.NameFor(type)) is not null, $"{type.Name} has no authorization policy");
    }

    /// <summary>Every concrete Handle/Consume method in the Application assembly, by the message it takes —
    /// except the scheduler's own system messages, which no caller can send (see ISystemMessage).</summary>
    private static IEnumerable<Type> HandledMessageTypes() =>
        typeof(CommandBusConfiguration).Assembly.GetTypes()
            .Where(t => t is { IsInterface: false, ContainsGenericParameters: false } && (!t.IsAbstract || t.IsSealed))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync" && m.GetParameters().Length > 0)
            .Select(m => m.GetParameters()[0].ParameterType)
            .Where(type => !typeof(ISystemMessage).IsAssignableFrom(type))
            .Distinct();

    public static IEnumerable<(string Key, RouteEndpoint Endpoint)> Endpoints(SolarEventsApp app) =>
        app.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => ($"{method} /{e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')}", e)));
}
