using SolarEvents.Application.EventStore;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Api.Operations;

/// <summary>
/// <c>SolarEvents.Api rotate-master-key</c>: re-wraps every customer's and employee's data key under the active
/// master key (<c>PersonalData:ActiveMasterKey</c>), with the retired key still configured beside it. Events are
/// never touched: only the wrapped keys change. Afterwards the retired key can be removed from configuration.
/// </summary>
public static class MasterKeyRotation
{
    public const string Verb = "rotate-master-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddEventStore(builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required."));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPersonalData(builder.Configuration);
        using var host = builder.Build();
        var rewrapped = await host.Services.GetRequiredService<PersonalDataKeys>().RotateAsync(CancellationToken.None);
        var active = host.Services.GetRequiredService<IMasterKeyService>().ActiveMasterKeyId;
        await Console.Out.WriteLineAsync($"{rewrapped} data keys re-wrapped under master key '{active}'.");
        return 0;
    }
}
