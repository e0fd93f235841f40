using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarEvents.Application.Identity;

namespace SolarEvents.Api.Authentication;

/// <summary>Mints short-lived access tokens with the built-in signing key.</summary>
public sealed class AccessTokenIssuer(TokenSettings settings, TimeProvider clock)
{
    public int LifetimeSeconds => settings.ValidatedAccessTokenMinutes * 60;

    public string Issue(Guid subject, string role, Guid? sessionId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, subject.ToString()),
            new(ClaimNames.Role, role),
            new(ClaimNames.TokenId, Guid.CreateVersion7().ToString()),
        };
        if (sessionId is { } sid) claims.Add(new Claim(ClaimNames.SessionId, sid.ToString()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            TokenType = AuthenticationSetup.AccessTokenType,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(settings.ValidatedAccessTokenMinutes),
            SigningCredentials = new SigningCredentials(settings.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        });
    }
}
