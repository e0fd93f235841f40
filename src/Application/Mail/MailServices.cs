using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SolarEvents.Application.Mail;

public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new());
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<MailDelivery>());
        return services;
    }
}
