using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.ChangeRequests.Expiring;

namespace SolarEvents.Application.ChangeRequests;

/// <summary>Section <c>ChangeRequests</c>: how long an unused request stays usable, and how often the durable
/// scheduler looks for requests whose time ran out.</summary>
public sealed class ChangeRequestSettings
{
    public const string Section = "ChangeRequests";

    public TimeSpan ValidFor { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan ExpiryPolling { get; set; } = TimeSpan.FromSeconds(5);

    public static ChangeRequestSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ChangeRequestSettings>() ?? new ChangeRequestSettings();
}

public static class ChangeRequestSetup
{
    public static IServiceCollection AddChangeRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ChangeRequestSettings.From(configuration));
        services.ConfigureMarten(options => options.Schema.For<IdempotencyRecord>().Index(r => r.RecordedAt));
        services.AddSingleton(IdempotencySettings.From(configuration));
        services.AddSingleton<IdempotencyRecordCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyRecordCleanup>());
        return services;
    }

    /// <summary>
    /// Expiry messages go to a local queue backed by Wolverine's PostgreSQL inbox (IntegrateWithWolverine), so a
    /// scheduled expiry is a row in the database, written in the same transaction as the opening event; every
    /// node polls for due rows, so a restarted (or another) host still fires it.
    /// </summary>
    public static WolverineOptions ConfigureChangeRequestExpiry(this WolverineOptions options, IConfiguration configuration)
    {
        options.LocalQueueFor<ExpireUnusedRequest>().UseDurableInbox();
        // Break-glass access lapses the same way (Employees/BreakGlass).
        options.LocalQueueFor<Employees.BreakGlass.LapseBreakGlass>().UseDurableInbox();
        options.Durability.ScheduledJobPollingTime = ChangeRequestSettings.From(configuration).ExpiryPolling;
        return options;
    }
}
