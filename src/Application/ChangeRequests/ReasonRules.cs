using System.Text.RegularExpressions;

namespace SolarEvents.Application.ChangeRequests;

/// <summary>A reason is read by a second person and by compliance later: a sentence, not "fix" or "asdf asdf".</summary>
public static partial class ReasonRules
{
    public static IRuleBuilderOptions<T, string> IsARealReason<T>(this IRuleBuilder<T, string> rule, int minLength, int minWords) =>
        rule.NotEmpty()
            .MinimumLength(minLength)
            .MaximumLength(1000)
            .Must(reason => DistinctWords(reason) >= minWords)
            .WithMessage($"Say why in a sentence of at least {minWords} different words.");

    public static int DistinctWords(string? text) =>
        text is null ? 0 : Word().Matches(text).Select(m => m.Value.ToUpperInvariant()).Distinct().Count();

    // Words of two letters or more, in any script.
    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
