using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OtpNet;
using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.Identity.Passwords;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Employees;

namespace SolarEvents.Application.Identity.Bootstrapping;

/// <summary>One employee to create at start-up: sign-in details and the single role granted.</summary>
public sealed record SeededEmployee
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Base32 TOTP secret (TOTP is mandatory for employees), given to the employee's authenticator.</summary>
    public string? TotpSecret { get; set; }

    public string DisplayName { get; set; } = "Seeded employee";

    public EmployeeRole Role { get; set; } = EmployeeRole.Admin;

    /// <summary>For a demo installer: the field crew they are put in.</summary>
    public Guid? CrewId { get; set; }
}

/// <summary>Configuration section "Bootstrap": the first administrator (<c>Bootstrap:Admin</c>), and in
/// Development only, demo employees (<c>Bootstrap:DemoEmployees:0..n</c>) for ./run.sh.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public SeededEmployee Admin { get; set; } = new() { DisplayName = "First administrator" };

    public IReadOnlyList<SeededEmployee> DemoEmployees { get; set; } = [];
}

/// <summary>
/// Creates each configured employee whose email nobody signs in with yet: an Employee stream (onboarded,
/// role granted, both by the system actor) and a ready credential with password and confirmed TOTP. Every
/// later employee is onboarded by an admin through the API; remove the settings once real admins exist.
/// </summary>
public sealed class BootstrapAdmin(
    BootstrapOptions options, IHostEnvironment environment, IDocumentStore store, PasswordHasher hasher,
    BlindIndex blindIndex, PersonalDataKeys keys, TimeProvider clock, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Admin with { Role = EmployeeRole.Admin };
        SeededEmployee[] seeds = environment.IsDevelopment() ? [admin, .. options.DemoEmployees] : [admin];
        foreach (var seed in seeds.Where(s => s.Email is { Length: > 0 }))
        {
            await SeedAsync(seed, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(SeededEmployee seed, CancellationToken cancellation)
    {
        var login = blindIndex.OfEmail(seed.Email!);
        await using var session = store.LightweightSession();
        if (await session.Query<Credential>().AnyAsync(c => c.LoginIndex == login, cancellation)) return;

        if (PasswordPolicy.Check(seed.Password) is { Count: > 0 } problems)
            throw new InvalidOperationException($"The bootstrap password for a {seed.Role} is not acceptable: " + string.Join(" ", problems));
        var secret = seed.TotpSecret is { Length: >= 16 } configured && Base32Encoding.ToBytes(configured).Length >= 10
            ? configured
            : throw new InvalidOperationException($"The bootstrap TOTP secret for a {seed.Role} must be base32 of at least 80 bits.");

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var onboarded = Employee.Onboard(new OnboardEmployee(id, seed.DisplayName, BlindIndex.NormalizeEmail(seed.Email!), Employee.SystemActorId), now).ThrowIfRejected();
        var employee = EmployeeHistory.Rebuild(onboarded);
        var granted = Employee.GrantSeededRole(employee, seed.Role, now).ThrowIfRejected();
        IReadOnlyList<object> crew = seed.CrewId is { } crewId
            ? Employee.AssignCrew(EmployeeHistory.Rebuild([.. onboarded, .. granted]), new AssignCrew(id, crewId, Employee.SystemActorId), now).ThrowIfRejected()
            : [];
        session.LastModifiedBy = Employee.SystemActorId.ToString();
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, "System");
        session.Events.StartStream<Employee>(id, [.. onboarded, .. granted, .. crew]);
        var key = await keys.CreateAsync(session, id, cancellation);
        session.Store(new Credential
        {
            Id = id, LoginIndex = login, Kind = PrincipalKind.Employee,
            PasswordHash = hasher.Hash(seed.Password!), Totp = new TotpState { Secret = key.Seal(secret) },
        });
        await session.SaveChangesAsync(cancellation);
        logger.LogInformation("Bootstrap employee created with employee id {EmployeeId} and role {Role}", id, seed.Role);
    }
}
