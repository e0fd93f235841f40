using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity.Activating;
using SolarEvents.Application.Identity.Bootstrapping;
using SolarEvents.Application.Identity.ChangingPassword;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Mfa;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Identity.Reauthenticating;
using SolarEvents.Application.Identity.ResettingPassword;
using SolarEvents.Application.Identity.Sessions;
using SolarEvents.Application.Identity.SigningIn;
using SolarEvents.Application.Mail;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Identity;

public static class IdentityServices
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PasswordHashingOptions.Section).Get<PasswordHashingOptions>() ?? new());
        services.AddSingleton(configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new());
        services.AddMemoryCache();
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<PasswordHasher>();
        services.AddScoped<Registering.CustomerRegistration>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<EmployeeRoles>();
        services.AddSingleton<Employees.BreakGlass.BreakGlassAccess>();
        services.AddSingleton<TokenRevocation>();
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<TotpEnrolment>();
        services.AddSingleton<EmployeeActivation>();
        services.AddSingleton<Reauthentication>();
        services.AddSingleton<PasswordChange>();
        services.AddSingleton<PasswordReset>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService(provider => provider.GetRequiredService<PasswordResetRequests>());
        services.AddPersonalData(configuration);
        services.AddMail(configuration);
        services.AddSingleton(configuration.GetSection(BootstrapOptions.Section).Get<BootstrapOptions>() ?? new());
        services.AddHostedService<BootstrapAdmin>();
        return services;
    }
}
