namespace SolarEvents.Api.Compliance;

/// <summary>Security events of the compliance module, with stable event ids (docs/security.md, A09).</summary>
public static partial class ComplianceLog
{
    [LoggerMessage(EventId = 8110, Level = LogLevel.Critical,
        Message = "Tamper check failed: {BrokenStreams} broken stream chains, {DigestBreaks} differences from the latest digest")]
    public static partial void TamperingDetected(ILogger logger, int brokenStreams, int digestBreaks);
}
