using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SolarEvents.Application.PersonalData;

public static class PersonalDataServices
{
    /// <summary>The key service, the blind index and the master keys from configuration. A host that registers
    /// another <see cref="IMasterKeyService"/> first (a cloud key service) keeps it.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new());
        services.AddMemoryCache();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<PersonalDataKeys>();
        services.AddSingleton<PersonalDataAccessLog>();
        services.AddScoped<PersonalDataReveal>();
        services.TryAddSingleton<IMasterKeyService, ConfiguredMasterKeys>();
        return services;
    }
}
