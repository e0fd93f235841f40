using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OtpNet;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Identity.Bootstrapping;

/// <summary>Configuration section "Bootstrap:Admin": the first administrator, for a new installation.</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "Bootstrap:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Base32 TOTP secret (TOTP is mandatory for employees), given to the admin's authenticator.</summary>
    public string? TotpSecret { get; set; }

    public string DisplayName { get; set; } = "First administrator";
}

/// <summary>
/// Creates the first Admin when <c>Bootstrap:Admin:Email</c> is set and nobody signs in with that address yet:
/// an Employee stream (onboarded, Admin granted, both by the system actor) and a ready credential. Every later
/// employee is onboarded by an admin through the API. Remove the settings once the installation has its admins.
/// </summary>
public sealed class BootstrapAdmin(
    BootstrapAdminOptions options, IDocumentStore store, PasswordHasher hasher, TimeProvider clock, ILogger<BootstrapAdmin> logger)
    : IHostedService
{
    /// <summary>The actor of bootstrap events: nobody, so the first admin is never self-granted.</summary>
    public static readonly Guid SystemActorId = Guid.Empty;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Email is not { Length: > 0 } email) return;
        var login = LoginNames.Normalize(email);
        await using var session = store.LightweightSession();
        if (await session.Query<Credential>().AnyAsync(c => c.LoginName == login, cancellationToken)) return;

        if (PasswordPolicy.Check(options.Password) is { Count: > 0 } problems)
            throw new InvalidOperationException("Bootstrap:Admin:Password is not acceptable: " + string.Join(" ", problems));
        var secret = options.TotpSecret is { Length: >= 16 } configured && Base32Encoding.ToBytes(configured).Length >= 10
            ? configured
            : throw new InvalidOperationException("Bootstrap:Admin:TotpSecret must be a base32 secret of at least 80 bits.");

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var onboarded = Employee.Onboard(new OnboardEmployee(id, options.DisplayName, login, SystemActorId), now).ThrowIfRejected();
        var employee = EmployeeHistory.Rebuild(onboarded);
        var granted = Employee.GrantRole(employee, new GrantRole(id, EmployeeRole.Admin, SystemActorId), now).ThrowIfRejected();
        session.LastModifiedBy = SystemActorId.ToString();
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, "System");
        session.Events.StartStream<Employee>(id, [.. onboarded, .. granted]);
        session.Store(new Credential
        {
            Id = id, LoginName = login, Kind = PrincipalKind.Employee,
            PasswordHash = hasher.Hash(options.Password!), Totp = new TotpState { Secret = secret },
        });
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Bootstrap administrator created with employee id {EmployeeId}", id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
