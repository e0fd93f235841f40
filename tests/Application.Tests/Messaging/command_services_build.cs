using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Messaging;

namespace SolarEvents.Application.Tests.Messaging;

public sealed class command_services_build
{
    [Fact]
    public void every_registered_validator_and_authorization_handler_can_be_constructed()
    {
        var services = new ServiceCollection().AddLogging().AddRouting();
        services.AddCommandPolicies();

        // What Development does at start-up (ValidateOnBuild): a registration the container cannot build fails here.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotEmpty(provider.GetServices<FluentValidation.IValidator<SolarEvents.Domain.Orders.RequestQuote>>());
    }
}
