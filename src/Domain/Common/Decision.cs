namespace SolarEvents.Domain.Common;

/// <summary>The outcome of a decision function: the events to append, or the rule it would break.</summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<object> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<object> Events { get; }

    public DomainError? Error { get; }

    public bool IsAccepted => Error is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Reject(string code, string detail) => new([], new DomainError(code, detail));

    public IReadOnlyList<object> ThrowIfRejected() =>
        Error is null ? Events : throw new DomainRuleViolatedException(Error);
}
