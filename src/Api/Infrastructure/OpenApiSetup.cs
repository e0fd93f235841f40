using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) describes every endpoint with its bearer requirement and its
/// problem responses. It is served in development or when <c>OpenApi:Enabled</c> is true; the interactive
/// reference (<c>/scalar</c>) only in development.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddSolarEventsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SolarEvents API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                operation.Responses ??= [];
                foreach (var (status, title) in ProblemResponses(anonymous))
                {
                    operation.Responses.TryAdd(status, new OpenApiResponse
                    {
                        Description = title,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
                    });
                }

                if (!anonymous)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapSolarEventsOpenApi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Configuration.GetValue("OpenApi:Enabled", false)) return app;
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference().AllowAnonymous();
        return app;
    }

    private static IEnumerable<(string Status, string Title)> ProblemResponses(bool anonymous)
    {
        yield return ("400", "Invalid request (problem document)");
        if (!anonymous)
        {
            yield return ("401", "Not authenticated (problem document)");
            yield return ("403", "Not allowed (problem document)");
        }

        yield return ("429", "Too many requests (problem document, Retry-After)");
        yield return ("500", "Internal error (problem document, no internals)");
    }
}
