using FluentValidation;
using Wolverine;

namespace SolarEvents.Application.Messaging;

/// <summary>
/// Wolverine middleware after authorization: runs the command's FluentValidation validator, if it has one.
/// (WolverineFx.FluentValidation is not in our package registry; this is the small equivalent.)
/// </summary>
public static class CommandValidationMiddleware
{
    public static async Task BeforeAsync(Envelope envelope, IServiceProvider services, CancellationToken cancellation)
    {
        var command = envelope.Message!;
        var validatorType = typeof(IValidator<>).MakeGenericType(command.GetType());
        if (services.GetService(validatorType) is not IValidator validator) return;

        var result = await validator.ValidateAsync(new ValidationContext<object>(command), cancellation);
        if (result.IsValid) return;

        var errors = result.Errors
            .GroupBy(failure => failure.PropertyName)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray());
        throw new CommandValidationException(errors);
    }
}
