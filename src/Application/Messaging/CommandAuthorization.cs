using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SolarEvents.Application.Messaging;

/// <summary>The requirement of one command type; the command itself is the resource that handlers inspect.</summary>
public sealed class CommandRequirement<TCommand> : IAuthorizationRequirement;

/// <summary>
/// Base for a command's authorization rule: the caller's role must have the command's capability in the access
/// table (<see cref="Access"/>, the same entry its route's policy reads), then the command's own finer rule
/// (whose stream it is, who acts) must hold.
/// </summary>
public abstract class CommandAuthorizationHandler<TCommand>(Capability capability)
    : AuthorizationHandler<CommandRequirement<TCommand>, TCommand>
{
    /// <summary>The capability this command needs; a command whose need depends on its content overrides it
    /// (null: nobody may issue it).</summary>
    public virtual Capability? CapabilityOf(TCommand command) => capability;

    protected sealed override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, CommandRequirement<TCommand> requirement, TCommand resource)
    {
        var actor = Actor.From(context.User);
        if (actor is not null && CapabilityOf(resource) is { } needed && Access.Allows(actor.Role, needed) && IsAllowed(actor, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    /// <summary>The rule beyond the capability: by default, none.</summary>
    protected virtual bool IsAllowed(Actor actor, TCommand command) => true;
}

/// <summary>A command a caller may issue without signing in (self-registration). Its actor, stamped on the
/// events, is the subject the command creates, chosen by the server, never taken from the request body.</summary>
public interface IAnonymousCommand
{
    Actor SelfActor { get; }
}

/// <summary>Base for the rule of an <see cref="IAnonymousCommand"/>: decide from the caller, who may be nobody.</summary>
public abstract class AnonymousCommandAuthorizationHandler<TCommand> : AuthorizationHandler<CommandRequirement<TCommand>, TCommand>
    where TCommand : IAnonymousCommand
{
    protected sealed override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, CommandRequirement<TCommand> requirement, TCommand resource)
    {
        if (IsAllowed(Actor.From(context.User), resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    protected abstract bool IsAllowed(Actor? actor, TCommand command);
}

public static class CommandPolicies
{
    // Asked on every command: built once per command type.
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string NameFor(Type commandType) => Names.GetOrAdd(commandType, type => "command:" + type.FullName);
}

/// <summary>
/// Wolverine middleware, first in every handler chain: the command must pass its own policy.
/// A command type without a registered policy is denied (fail closed).
/// Wolverine calls <c>BeforeAsync</c> by convention before the handler.
/// </summary>
public static class CommandAuthorizationMiddleware
{
    public static async Task BeforeAsync(
        Envelope envelope, ICallerContext caller, IAuthorizationService authorization, IAuthorizationPolicyProvider policies,
        SecurityEvents security)
    {
        var command = envelope.Message ?? throw new InvalidOperationException("The envelope carries no message.");
        var commandType = command.GetType();
        var actor = Actor.From(caller.Principal);
        if (actor is null && command is not IAnonymousCommand) throw new CommandUnauthenticatedException();

        var policy = await policies.GetPolicyAsync(CommandPolicies.NameFor(commandType));
        var principal = caller.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
        if (policy is null || !(await authorization.AuthorizeAsync(principal, command, policy)).Succeeded)
        {
            security.Record(SecurityEvents.AuthorizationDenied, actor?.Id, commandType.Name);
            throw new CommandForbiddenException(commandType.Name);
        }
    }
}
