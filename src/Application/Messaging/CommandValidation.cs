using System.Collections.Concurrent;

namespace SolarEvents.Application.Messaging;

/// <summary>
/// Wolverine middleware after authorization: runs the command's FluentValidation validator, if it has one.
/// (WolverineFx.FluentValidation is not in our package registry; this is the small equivalent.)
/// </summary>
public static class CommandValidationMiddleware
{
    // Closing IValidator<> over the command type is reflection; done once per command type, not per command.
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public static async Task BeforeAsync(Envelope envelope, IServiceProvider services, CancellationToken cancellation)
    {
        var command = envelope.Message!;
        var validatorType = ValidatorTypes.GetOrAdd(command.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
        if (services.GetService(validatorType) is not IValidator validator) return;

        var result = await validator.ValidateAsync(new ValidationContext<object>(command), cancellation);
        if (result.IsValid) return;

        var errors = result.Errors
            .GroupBy(failure => failure.PropertyName)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray());
        throw new CommandValidationException(errors);
    }
}
