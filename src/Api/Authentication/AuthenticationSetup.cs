using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Authentication;

public static class AuthenticationSetup
{
    /// <summary>Access tokens carry this JOSE "typ"; an ID token or a refresh token is refused.</summary>
    public const string AccessTokenType = "at+jwt";

    public static IServiceCollection AddSolarEventsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                ValidTypes = [AccessTokenType],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
            };
            if (settings.Authority is { Length: > 0 } authority)
            {
                options.Authority = authority;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            }
            else
            {
                options.TokenValidationParameters.IssuerSigningKey = settings.CreateSigningKey();
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });

        // Deny by default: an endpoint without its own policy still needs an authenticated caller.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Customer, policy => policy.RequireRole(Roles.Customer));
        return services;
    }
}

public static class Policies
{
    public const string Customer = "role:customer";
}
