namespace SolarEvents.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (it becomes the problem type the API returns);
/// <see cref="Detail"/> is for people and never carries personal data.
/// </summary>
public sealed record DomainError(string Code, string Detail);

/// <summary>Thrown by <see cref="Decision.ThrowIfRejected"/> so application handlers can stop without branching.</summary>
public sealed class DomainRuleViolatedException(DomainError error) : Exception(error.Detail)
{
    public DomainError Error { get; } = error;
}
