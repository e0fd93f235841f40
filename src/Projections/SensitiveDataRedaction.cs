using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace SolarEvents.Projections;

/// <summary>
/// The last line of defence for every sink: before an event is written, any property named like a secret, an email,
/// a phone number or another personal field, and any string value shaped like a token, a password hash, a sealed
/// envelope or an email address, is replaced by <c>[redacted]</c>, however deeply it sits in a structure. Code is meant never to log such values;
/// this makes a slip harmless instead of a leak.
/// </summary>
public sealed partial class SensitiveDataRedaction : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    // Secrets: any property whose name contains one of these, in any case.
    private static readonly string[] SecretNameParts =
        ["password", "secret", "token", "totp", "authorization", "cookie", "masterkey", "datakey", "signingkey", "privatekey", "email", "phone"];

    // Personal fields, by the exact names our own log templates and records would give them. Exact and
    // case-sensitive on purpose: the framework's "address" (a listening URL) or an EventId's "Name" are not personal.
    private static readonly HashSet<string> PersonalNames = new(StringComparer.Ordinal)
    {
        "Address", "PostalAddress", "CustomerName", "FullName", "DisplayName",
    };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = IsSensitiveName(name) ? new ScalarValue(Redacted) : Redact(value);
            if (!ReferenceEquals(redacted, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
        }
    }

    public static bool IsSensitiveName(string name) =>
        PersonalNames.Contains(name) || SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>The same value when nothing in it needed redacting, so unchanged events cost no allocation.</summary>
    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when LooksSecret(text) => new ScalarValue(Redacted),
        StructureValue structure when structure.Properties.Any(p => IsSensitiveName(p.Name) || !ReferenceEquals(Redact(p.Value), p.Value)) =>
            new StructureValue(structure.Properties.Select(p =>
                new LogEventProperty(p.Name, IsSensitiveName(p.Name) ? new ScalarValue(Redacted) : Redact(p.Value))), structure.TypeTag),
        SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(Redact(e), e)) =>
            new SequenceValue(sequence.Elements.Select(Redact)),
        DictionaryValue dictionary when dictionary.Elements.Any(e => !ReferenceEquals(Redact(e.Value), e.Value)) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value)))),
        _ => value,
    };

    private static bool LooksSecret(string text) => SecretShape().IsMatch(text);

    // A JWT (three base64url parts, the first a JSON header), an Argon2 or bcrypt hash, a sealed envelope, an email address.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.|\$argon2|\$2[aby]\$|\bpd1\.[0-9a-f]{32}\.|[^\s@""']+@[^\s@""']+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SecretShape();
}
