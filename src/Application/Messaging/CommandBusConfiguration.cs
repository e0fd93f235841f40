using System.Reflection;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Orders.RequestingQuote;

namespace SolarEvents.Application.Messaging;

/// <summary>How commands travel: Wolverine in-process, authorization → validation → actor stamp → handler.</summary>
public static class CommandBusConfiguration
{
    private static Assembly ApplicationAssembly => typeof(RequestQuoteHandler).Assembly;

    public static void ConfigureCommandBus(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(ApplicationAssembly);
        options.Policies.AutoApplyTransactions();
        options.Policies.AddMiddleware(typeof(CommandAuthorizationMiddleware), chain => SystemActor.IsCommand(chain.MessageType));
        options.Policies.AddMiddleware(typeof(CommandValidationMiddleware), chain => SystemActor.IsCommand(chain.MessageType));
        options.Policies.AddMiddleware(typeof(ActorMetadataMiddleware), chain => SystemActor.IsCommand(chain.MessageType));
        options.UseRuntimeCompilation();

        // ASP.NET Core's authorization service is internal and validators are looked up per command type,
        // so the middleware resolves them from the container instead of through generated constructors.
        options.ServiceLocationPolicy = ServiceLocationPolicy.AlwaysAllowed;
    }

    /// <summary>The door every caller's command goes through, and the steps that follow commands' commits
    /// (needs Wolverine and the identity services).</summary>
    public static IServiceCollection AddCommandSender(this IServiceCollection services)
    {
        services.AddScoped<CommandSender>();
        // Keyed by the command they follow: a command resolves only its own steps.
        foreach (var afterCommit in ApplicationAssembly.GetTypes().Where(type => type is { IsAbstract: false } && type.IsAssignableTo(typeof(IAfterCommit))))
            services.AddKeyedScoped(typeof(IAfterCommit), CommandTypeOf(afterCommit), afterCommit);
        return services;
    }

    /// <summary>Registers every command's authorization handler and a policy named for its command, and the access
    /// table's route policies.</summary>
    public static IServiceCollection AddCommandPolicies(this IServiceCollection services)
    {
        services.AddCapabilityPolicies();
        // Only validators the container can build: parts composed with `new` (e.g. MoneyValidator(allowNegative))
        // stay out, or the container would fail to validate at start-up.
        services.AddValidatorsFromAssembly(ApplicationAssembly, ServiceLifetime.Singleton,
            filter: scan => scan.ValidatorType.GetConstructors().Any(constructor => constructor.GetParameters().Length == 0));
        var authorizationBuilder = services.AddAuthorizationBuilder();
        foreach (var (handlerType, commandType) in CommandAuthorizationHandlers())
        {
            services.AddSingleton(typeof(IAuthorizationHandler), handlerType);
            var requirement = (IAuthorizationRequirement)Activator.CreateInstance(
                typeof(CommandRequirement<>).MakeGenericType(commandType))!;
            var anonymous = typeof(IAnonymousCommand).IsAssignableFrom(commandType);
            authorizationBuilder.AddPolicy(CommandPolicies.NameFor(commandType), policy =>
                (anonymous ? policy.RequireAssertion(_ => true) : policy.RequireAuthenticatedUser()).AddRequirements(requirement));
        }

        return services;
    }

    private static Type CommandTypeOf(Type afterCommit)
    {
        for (var type = afterCommit.BaseType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AfterCommit<>)) return type.GetGenericArguments()[0];
        throw new InvalidOperationException($"{afterCommit.Name} does not derive from AfterCommit<TCommand>.");
    }

    /// <summary>Each concrete <see cref="CommandAuthorizationHandler{TCommand}"/> (or anonymous one) and the command it guards.</summary>
    public static IEnumerable<(Type Handler, Type Command)> CommandAuthorizationHandlers() =>
        from type in ApplicationAssembly.GetTypes()
        where type is { IsAbstract: false, BaseType.IsGenericType: true }
              && (type.BaseType.GetGenericTypeDefinition() == typeof(CommandAuthorizationHandler<>)
                  || type.BaseType.GetGenericTypeDefinition() == typeof(AnonymousCommandAuthorizationHandler<>))
        select (type, type.BaseType!.GetGenericArguments()[0]);
}
