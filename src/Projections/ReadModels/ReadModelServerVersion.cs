using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// Production runs MySQL 8.4; local runs and tests use MariaDB 10.11 through the same provider. The version is
/// configured (ReadModels:ServerVersion, e.g. "8.4.0-mysql" or "10.11.0-mariadb") so start-up needs no probe.
/// </summary>
public static class ReadModelServerVersion
{
    public const string Default = "8.4.0-mysql";

    public static ServerVersion From(IConfiguration configuration) =>
        ServerVersion.Parse(configuration["ReadModels:ServerVersion"] is { Length: > 0 } v ? v : Default);
}
