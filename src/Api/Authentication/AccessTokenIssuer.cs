using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Authentication;

/// <summary>Mints short-lived access tokens with the built-in signing key.</summary>
public sealed class AccessTokenIssuer(TokenSettings settings, TimeProvider clock)
{
    public string Issue(Guid subject, string role)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            TokenType = AuthenticationSetup.AccessTokenType,
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, subject.ToString()), new Claim(ClaimNames.Role, role)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(settings.AccessTokenMinutes),
            SigningCredentials = new SigningCredentials(settings.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        });
    }
}
