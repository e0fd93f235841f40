namespace SolarEvents.Application.Identity.Sessions;

/// <summary>
/// One refresh token, stored only as the SHA-256 of its value (<see cref="Id"/>). Tokens of one sign-in form
/// a family (<see cref="FamilyId"/>, also the access tokens' <c>sid</c>): each use replaces the token, and a
/// second use of a replaced one revokes the whole family, because it means the token was copied.
/// </summary>
public sealed record RefreshToken
{
    public required string Id { get; init; }

    public required Guid FamilyId { get; init; }

    public required Guid UserId { get; init; }

    public required string Role { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public Guid Version { get; set; }
}
