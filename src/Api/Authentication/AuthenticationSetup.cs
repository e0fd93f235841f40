using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Identity.Sessions;

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
                options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevokedTokens };
            }
        });

        // Deny by default: an endpoint without its own policy still needs an authenticated caller.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>A signature proves who issued a token, not that its user may still act: offboarded, disabled,
    /// signed-out and role-revoked users' tokens stop here (state cached briefly; see TokenRevocation).</summary>
    private static async Task RefuseRevokedTokens(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var revocation = context.HttpContext.RequestServices.GetRequiredService<TokenRevocation>();
        var issuedAt = (context.SecurityToken as JsonWebToken)?.IssuedAt;
        var active = Guid.TryParse(principal?.FindFirst(ClaimNames.Subject)?.Value, out var subject)
                     && issuedAt is { } iat && iat != DateTime.MinValue
                     && await revocation.IsActiveAsync(subject, SessionOf(principal), new DateTimeOffset(iat, TimeSpan.Zero),
                         context.HttpContext.RequestAborted);
        if (active) return;
        context.HttpContext.RequestServices.GetRequiredService<SecurityEvents>()
            .Record(SecurityEvents.RevokedTokenRefused, subject == Guid.Empty ? null : subject, "token of an ended session or user");
        context.Fail("The token was revoked.");
    }

    private static Guid? SessionOf(System.Security.Claims.ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(ClaimNames.SessionId)?.Value, out var sid) ? sid : null;
}
