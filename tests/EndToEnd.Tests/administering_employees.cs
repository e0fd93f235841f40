using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;
using SolarEvents.Domain.Employees;

namespace SolarEvents.EndToEnd.Tests;

[Collection(WholeSystem.Name)]
public sealed class administering_employees(SolarEventsApp app)
{
    [Fact]
    public async Task an_onboarded_employee_activates_signs_in_with_totp_and_gets_the_role_from_the_stream()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/employees/{employee.Id}/roles", new { role = "SupportAgent" })).StatusCode);

        using var client = app.Client();
        var withoutCode = await Identity.RequestTokenAsync(client, new { email = employee.Email, password = Identity.GoodPassword });
        Assert.Equal("urn:solarevents:problem:mfa-required", await Identity.ProblemTypeAsync(withoutCode));
        var tokens = await Identity.SignInAsync(app, employee.Email, Identity.GoodPassword, Identity.TotpNow(employee.TotpSecret));

        Assert.Equal(Roles.SupportAgent, tokens.GetProperty("role").GetString());
        await using var session = app.ApiServices.GetRequiredService<IDocumentStore>().QuerySession();
        var history = await session.Events.FetchStreamAsync(employee.Id);
        Assert.Collection(history,
            onboarded => Assert.IsType<EmployeeOnboarded>(onboarded.Data),
            granted => Assert.Equal(EmployeeRole.SupportAgent, Assert.IsType<EmployeeRoleGranted>(granted.Data).Role));
    }

    [Fact]
    public async Task an_employee_holding_several_roles_chooses_one_per_session()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin, "Sales", "Engineer");
        using var client = app.Client();

        var unspecified = await Identity.RequestTokenAsync(client, new { email = employee.Email, password = Identity.GoodPassword, totp = Identity.TotpNow(employee.TotpSecret) });
        Assert.Equal("urn:solarevents:problem:role-required", await Identity.ProblemTypeAsync(unspecified));
        var chosen = await Identity.SignInAsync(app, employee.Email, Identity.GoodPassword, Identity.TotpNow(employee.TotpSecret), role: "Engineer");

        Assert.Equal(Roles.Engineer, chosen.GetProperty("role").GetString());
    }

    [Fact]
    public async Task an_admin_cannot_grant_a_role_to_themselves_nor_grant_admin_alone()
    {
        var adminToken = await app.AdminTokenAsync();
        using var admin = app.Client(adminToken);
        var adminId = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(adminToken).Subject);
        var employee = await Employees.OnboardAsync(app, admin);

        var self = await admin.PostAsJsonAsync($"/api/v1/employees/{adminId}/roles", new { role = "Compliance" });
        var adminGrant = await admin.PostAsJsonAsync($"/api/v1/employees/{employee.Id}/roles", new { role = "Admin" });

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, adminGrant.StatusCode);
        Assert.Equal("urn:solarevents:problem:rule:admin-needs-nomination", await Identity.ProblemTypeAsync(adminGrant));
    }

    [Fact]
    public async Task revoking_the_role_ends_the_employee_s_tokens()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin, "Sales");
        var tokens = await Identity.SignInAsync(app, employee.Email, Identity.GoodPassword, Identity.TotpNow(employee.TotpSecret));
        var accessToken = tokens.GetProperty("accessToken").GetString()!;

        var revoke = await admin.PostAsJsonAsync($"/api/v1/employees/{employee.Id}/roles/Sales/revoke", new { reason = "Moved teams." });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await Employees.ProbeAsync(app, accessToken));
        using var client = app.Client();
        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task an_offboarded_employee_s_token_is_refused_and_they_cannot_sign_in()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var employee = await Employees.OnboardAsync(app, admin, "SupportAgent");
        var tokens = await Identity.SignInAsync(app, employee.Email, Identity.GoodPassword, Identity.TotpNow(employee.TotpSecret));
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(HttpStatusCode.Unauthorized, await Employees.ProbeAsync(app, accessToken));

        var offboard = await admin.PostAsJsonAsync($"/api/v1/employees/{employee.Id}/offboard", new { reason = "Left the company." });
        Assert.Equal(HttpStatusCode.OK, offboard.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await Employees.ProbeAsync(app, accessToken));
        using var client = app.Client();
        var signIn = await Identity.RequestTokenAsync(client, new
        {
            email = employee.Email, password = Identity.GoodPassword, totp = Identity.TotpNow(employee.TotpSecret, stepsAhead: 1),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task a_wrong_activation_code_gets_the_generic_answer()
    {
        using var admin = app.Client(await app.AdminTokenAsync());
        var email = Identity.NewEmail();
        var onboarded = await admin.PostAsJsonAsync("/api/v1/employees", new { displayName = "New Person", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, onboarded.StatusCode);
        using var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/activate",
            new { email, activationCode = "not-the-code", newPassword = Identity.GoodPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("urn:solarevents:problem:invalid-credentials", await Identity.ProblemTypeAsync(response));
    }
}

/// <summary>Onboarding over HTTP: the admin onboards, the employee activates with the code they were handed.</summary>
public static class Employees
{
    public sealed record Onboarded(Guid Id, string Email, string TotpSecret);

    public static async Task<Onboarded> OnboardAsync(SolarEventsApp app, HttpClient admin, params string[] roles)
    {
        var email = Identity.NewEmail();
        var response = await admin.PostAsJsonAsync("/api/v1/employees", new { displayName = "Test Employee", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("employeeId").GetGuid();
        foreach (var role in roles)
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/employees/{id}/roles", new { role })).StatusCode);

        using var client = app.Client();
        var activated = await client.PostAsJsonAsync("/api/v1/auth/activate",
            new { email, activationCode = body.GetProperty("activationCode").GetString(), newPassword = Identity.GoodPassword });
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var secret = (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        return new Onboarded(id, email, secret);
    }

    /// <summary>Any authenticated request: 401 means the token no longer counts.</summary>
    public static async Task<HttpStatusCode> ProbeAsync(SolarEventsApp app, string accessToken)
    {
        using var client = app.Client(accessToken);
        return (await client.GetAsync($"/api/v1/orders/{Guid.CreateVersion7()}")).StatusCode;
    }
}
