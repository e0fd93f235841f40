using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// The door and the room agree: the roles a route's policies let in are exactly the roles the command it dispatches
/// accepts, both read from the access table. (An Admin let through a route only to be refused by its command, or a
/// role the command accepts but the route turns away, fails here.)
/// </summary>
[Collection(WholeSystem.Name)]
public sealed class routes_and_commands_read_one_access_table(SolarEventsApp app)
{
    /// <summary>POST routes that start or end sessions or prove a secret: no command, no event stream of theirs.</summary>
    public static readonly IReadOnlySet<string> NonCommandPosts = new HashSet<string>
    {
        "POST /api/v1/auth/token", "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout", "POST /api/v1/auth/activate",
        "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm", "POST /api/v1/auth/password",
        "POST /api/v1/auth/mfa/totp", "POST /api/v1/auth/mfa/totp/confirm", "POST /api/v1/staff/accounts/search",
        "POST /api/v1/compliance/verification", "POST /api/v1/compliance/digests",
    };

    [Fact]
    public void every_post_route_dispatches_a_command_or_is_a_known_exception()
    {
        var posts = every_endpoint_and_command_has_a_policy.Endpoints(app).Where(e => e.Key.StartsWith("POST ", StringComparison.Ordinal)).ToList();

        Assert.True(posts.Count >= 20, "the scan found too few POST routes to be trusted");
        foreach (var (key, endpoint) in posts)
            Assert.True(endpoint.Metadata.GetMetadata<DispatchesCommand>() is not null || NonCommandPosts.Contains(key), $"{key} dispatches no declared command");
    }

    [Fact]
    public void a_routes_roles_are_exactly_its_commands_roles()
    {
        var dispatching = every_endpoint_and_command_has_a_policy.Endpoints(app)
            .Where(e => e.Endpoint.Metadata.GetMetadata<DispatchesCommand>() is not null).ToList();

        Assert.NotEmpty(dispatching);
        foreach (var (key, endpoint) in dispatching)
        {
            var dispatched = endpoint.Metadata.GetMetadata<DispatchesCommand>()!;
            var commandRoles = RolesOf(CommandCapability(dispatched));
            var routeRoles = RouteRoles(endpoint.Metadata);
            Assert.True(routeRoles.SetEquals(commandRoles),
                $"{key}: the route lets in [{string.Join(", ", routeRoles.Order())}], its command {dispatched.CommandType.Name} accepts [{string.Join(", ", commandRoles.Order())}]");
        }
    }

    [Fact]
    public void the_check_notices_a_route_wider_than_its_command()
    {
        // Admin may read the support desk but not amend: an amendment route under the desk's policy must disagree.
        var desk = RolesOf(Capability.SupportDesk);
        var amend = RolesOf(CommandCapability(new DispatchesCommand(typeof(Amend), typeof(SolarEvents.Domain.Orders.RescheduleInstallation))));
        Assert.False(desk.SetEquals(amend));
    }

    /// <summary>Anonymous routes let in everyone (and their command decides); others the intersection of their policies.</summary>
    private static HashSet<string> RouteRoles(EndpointMetadataCollection metadata)
    {
        if (metadata.GetMetadata<IAllowAnonymous>() is not null) return [.. Roles.All, "anonymous"];
        var roles = new HashSet<string>(Roles.All);
        foreach (var policy in metadata.GetOrderedMetadata<IAuthorizeData>().Select(p => p.Policy).OfType<string>())
        {
            var capability = Enum.GetValues<Capability>().Single(c => Access.PolicyName(c) == policy);
            roles.IntersectWith(Access.Table[capability]);
        }

        return roles;
    }

    private static HashSet<string> RolesOf(Capability? capability) =>
        capability is { } c ? [.. Access.Table[c]] : [.. Roles.All, "anonymous"];

    /// <summary>The capability the command's own rule asks for (null: an anonymous command).</summary>
    private static Capability? CommandCapability(DispatchesCommand dispatched)
    {
        if (dispatched.CommandType == typeof(Amend)) return AmendmentKinds.Find(dispatched.ChangeType)!.Capability;
        var (handler, _) = CommandBusConfiguration.CommandAuthorizationHandlers().Single(h => h.Command == dispatched.CommandType);
        var capabilityOf = handler.GetMethod("CapabilityOf");
        if (capabilityOf is null) return null;
        return (Capability?)capabilityOf.Invoke(Activator.CreateInstance(handler), [RuntimeHelpers.GetUninitializedObject(dispatched.CommandType)]);
    }
}
