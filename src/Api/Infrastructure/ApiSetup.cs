using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;
using Serilog;
using SolarEvents.Api.Accounts;
using SolarEvents.Api.Authentication;
using SolarEvents.Api.Compliance;
using SolarEvents.Api.Employees;
using SolarEvents.Api.Field;
using SolarEvents.Application.Payments;
using SolarEvents.Api.Payments;
using SolarEvents.Api.Identity;
using SolarEvents.Api.Operations;
using SolarEvents.Api.Orders;
using SolarEvents.Api.Sales;
using SolarEvents.Api.Support;
using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.EventStore;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Application.PersonalData;
using SolarEvents.Projections;
using Wolverine;
using Wolverine.Marten;

namespace SolarEvents.Api.Infrastructure;

/// <summary>Composition root of the API: services, then the request pipeline and endpoints.</summary>
public static class ApiSetup
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddSolarEventsApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var postgres = ProjectorHost.RequiredConnectionString(configuration, "Postgres");
        var applySchema = SchemaOnStartup.IsEnabled(configuration, builder.Environment);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<ICallerContext, HttpCallerContext>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSolarEventsAuthentication(configuration);
        services.AddCommandPolicies();
        services.AddCommandSender();
        services.AddChangeRequests(configuration);
        services.AddSolarEventsRateLimiting(configuration);
        services.AddReadModels(configuration);
        services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        services.AddEventStore(postgres).IntegrateWithWolverine().ApplySchemaOnStartup(services, applySchema);
        // Hosted services start in this order: the schema, then the hash-chain guards, then the identity bootstrap,
        // so even the first admin's events are chained.
        services.AddSolarEventsCompliance(configuration, applySchema);
        services.AddIdentity(configuration);
        services.AddPayments(configuration);
        services.AddSolarEventsHealthChecks();
        services.AddHttpHardening(configuration);
        services.AddSolarEventsOpenApi();
        services.AddSolarEventsTelemetry(configuration, "solarevents-api");
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCustomization.Customize);
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Host.UseWolverine(options =>
        {
            options.ConfigureCommandBus();
            options.ConfigureChangeRequestExpiry(configuration);
            // Wolverine's message tables are the schema step's business too when the API may not change the schema.
            if (!applySchema) options.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.None;
        });
        return builder;
    }

    /// <summary>Strict binding: unknown fields are refused, enums travel as names, no type metadata.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.AllowDuplicateProperties = false;
        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }

    public static WebApplication UseSolarEventsPipeline(this WebApplication app)
    {
        // Fail at start, not at the first registration, when the personal-data keys are missing or malformed.
        app.Services.GetRequiredService<IMasterKeyService>();
        app.Services.GetRequiredService<BlindIndex>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseHttpHardening();
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapSolarEventsHealthChecks();
        app.MapSolarEventsOpenApi();
        app.MapAuthEndpoints();
        app.MapMfaEndpoints();
        app.MapPasswordEndpoints();
        app.MapAccountRegistrationEndpoints();
        app.MapEmployeeEndpoints();
        app.MapOrderEndpoints();
        app.MapAccountEndpoints();
        app.MapSupportEndpoints();
        app.MapStaffAccountEndpoints();
        app.MapChangeRequestEndpoints();
        app.MapAmendmentEndpoints();
        app.MapSalesEndpoints();
        app.MapFieldEndpoints();
        app.MapPaymentEndpoints();
        app.MapOperationsEndpoints();
        app.MapBreakGlassEndpoints();
        app.MapComplianceEndpoints();
        return app;
    }
}
