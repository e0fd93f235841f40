using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.Employees;
using static SolarEvents.EndToEnd.Tests.Amendments.SupportDesk;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Admin can grant every role, so it takes two people: an admin nominates, and another admin or a
/// compliance officer approves. Nobody approves their own nomination or their own promotion.</summary>
[Collection(WholeSystem.Name)]
public sealed class nominating_an_admin(SolarEventsApp app)
{
    private const string Why = "Takes over onboarding for the new installation crews";

    [Fact]
    public async Task an_admin_nominates_and_compliance_approves_and_the_employee_then_signs_in_as_admin()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin, "Sales");
        var nomination = $"/api/v1/employees/{employee.Id}/admin-nomination";
        await ExpectProblemAsync(await admin.PostAsJsonAsync($"/api/v1/employees/{employee.Id}/roles", new { role = "Admin" }),
            HttpStatusCode.Conflict, "rule:admin-needs-nomination");
        await ExpectProblemAsync(await admin.PostAsJsonAsync(nomination, new { reason = "promote" }), HttpStatusCode.BadRequest, "validation");

        await ExpectAsync(await admin.PostAsJsonAsync(nomination, new { reason = Why }), HttpStatusCode.OK);
        await ExpectProblemAsync(await admin.PostAsJsonAsync(nomination + "/approve", new { }), HttpStatusCode.Conflict,
            "rule:admin-nomination-own-approval");
        using var sales = app.ClientFor(Guid.CreateVersion7(), Roles.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync(nomination + "/approve", new { })).StatusCode);
        var complianceId = Guid.CreateVersion7();
        using var compliance = app.ClientFor(complianceId, Roles.Compliance);
        await ExpectAsync(await compliance.PostAsJsonAsync(nomination + "/approve", new { }), HttpStatusCode.OK);

        var tokens = await Identity.SignInAsync(app, employee.Email, Identity.GoodPassword, Identity.TotpNow(employee.TotpSecret), role: "Admin");
        Assert.Equal(Roles.Admin, tokens.GetProperty("role").GetString());
        Assert.Contains(SecurityEvents.AdminGranted.Name!, app.Logs.Text, StringComparison.Ordinal);
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var history = (await session.Events.FetchStreamAsync(employee.Id)).Select(e => e.Data).ToList();
        var nominated = Assert.Single(history.OfType<AdminNominated>());
        var granted = Assert.Single(history.OfType<EmployeeRoleGranted>(), g => g.Role == EmployeeRole.Admin);
        Assert.NotEqual(nominated.NominatedBy, granted.GrantedBy);
        Assert.Equal(complianceId, granted.GrantedBy);
        Assert.Equal(Why, nominated.Reason);
    }

    [Fact]
    public async Task a_rejected_nomination_cannot_be_approved_and_the_nominee_cannot_decide_their_own()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin, "Compliance");
        var nomination = $"/api/v1/employees/{employee.Id}/admin-nomination";
        await ExpectAsync(await admin.PostAsJsonAsync(nomination, new { reason = Why }), HttpStatusCode.OK);
        await ExpectProblemAsync(await admin.PostAsJsonAsync(nomination, new { reason = Why }), HttpStatusCode.Conflict,
            "rule:admin-nomination-pending");

        using var nominee = app.ClientFor(employee.Id, Roles.Compliance);
        Assert.Equal(HttpStatusCode.Forbidden, (await nominee.PostAsJsonAsync(nomination + "/approve", new { })).StatusCode);
        using var secondAdmin = app.ClientFor(Guid.CreateVersion7(), Roles.Admin);
        await ExpectAsync(await secondAdmin.PostAsJsonAsync(nomination + "/reject", new { reason = "Compliance should stay independent of administration" }),
            HttpStatusCode.OK);

        await ExpectProblemAsync(await secondAdmin.PostAsJsonAsync(nomination + "/approve", new { }), HttpStatusCode.Conflict,
            "rule:admin-nomination-missing");
        using var anonymous = app.Client();
        var asAdmin = await Identity.RequestTokenAsync(anonymous, new
        {
            email = employee.Email, password = Identity.GoodPassword, totp = Identity.TotpNow(employee.TotpSecret), role = "Admin",
        });
        Assert.NotEqual(HttpStatusCode.OK, asAdmin.StatusCode);
    }
}
