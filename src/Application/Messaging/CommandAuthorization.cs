using Microsoft.AspNetCore.Authorization;
using SolarEvents.Application.Identity;
using Wolverine;

namespace SolarEvents.Application.Messaging;

/// <summary>The requirement of one command type; the command itself is the resource that handlers inspect.</summary>
public sealed class CommandRequirement<TCommand> : IAuthorizationRequirement;

/// <summary>Base for a command's authorization rule: decide from the caller and the command.</summary>
public abstract class CommandAuthorizationHandler<TCommand> : AuthorizationHandler<CommandRequirement<TCommand>, TCommand>
{
    protected sealed override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, CommandRequirement<TCommand> requirement, TCommand resource)
    {
        var actor = Actor.From(context.User);
        if (actor is not null && IsAllowed(actor, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    protected abstract bool IsAllowed(Actor actor, TCommand command);
}

public static class CommandPolicies
{
    public static string NameFor(Type commandType) => "command:" + commandType.FullName;
}

/// <summary>
/// Wolverine middleware, first in every handler chain: the command must pass its own policy.
/// A command type without a registered policy is denied (fail closed).
/// Wolverine calls <c>BeforeAsync</c> by convention before the handler.
/// </summary>
public static class CommandAuthorizationMiddleware
{
    public static async Task BeforeAsync(
        Envelope envelope, ICallerContext caller, IAuthorizationService authorization, IAuthorizationPolicyProvider policies)
    {
        var command = envelope.Message ?? throw new InvalidOperationException("The envelope carries no message.");
        var commandType = command.GetType();
        if (Actor.From(caller.Principal) is null) throw new CommandUnauthenticatedException();

        var policy = await policies.GetPolicyAsync(CommandPolicies.NameFor(commandType));
        if (policy is null) throw new CommandForbiddenException(commandType.Name);

        var result = await authorization.AuthorizeAsync(caller.Principal!, command, policy);
        if (!result.Succeeded) throw new CommandForbiddenException(commandType.Name);
    }
}
