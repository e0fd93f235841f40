namespace SolarEvents.Application.Compliance.Export;

/// <summary>
/// The export file: JSON Lines, one object per line, each with a "kind". First an "export" line (scope, subject,
/// streams), then every event of those streams as an "event" line in stream and version order, with its headers and
/// data as PostgreSQL rendered them (the exact text its hash covers, embedded as JSON), then the latest "digest"
/// with an inclusion proof per exported stream it covers
/// (when there is one), and last a "signature" line: ECDSA P-256 / SHA-256 over every byte before it.
/// </summary>
public static class ExportFormat
{
    public const string Format = "solarevents.export.v1";
    public const string Export = "export";
    public const string Event = "event";
    public const string Digest = "digest";
    public const string Signature = "signature";
}
