using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SolarEvents.Application.Compliance.Chain;

/// <summary>
/// SHA-256 over the previous event's hash and the event's canonical content. The database trigger
/// (<see cref="Database.EventStoreGuards"/>) computes the same function at insert; this one recomputes it to
/// verify, online or offline. Each field is written as its UTF-8 byte length, ':', the text and '\n'.
/// </summary>
public static class ChainHash
{
    public const string Format = "solarevents.event-hash.v1";

    /// <summary>The "previous hash" of a stream's first event.</summary>
    public const string Genesis = "";

    public static string Compute(string previous, RecordedEvent e)
    {
        var content = new StringBuilder(Format).Append('\n');
        foreach (var field in (string[])[
                     previous, e.EventId.ToString(), e.StreamId.ToString(), e.Version.ToString(CultureInfo.InvariantCulture),
                     e.Type, e.Timestamp, e.ActorId, e.CorrelationId, e.CausationId, e.Headers, e.Data, e.BinaryData])
        {
            content.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture))
                .Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }
}
