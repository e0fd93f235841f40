using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>
/// Every event the API logs, rendered exactly as its console sink renders it (compact JSON), for log-scan
/// tests. Registered as an extra sink of the API host, so it sees that host's events and no other's.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly RenderedCompactJsonFormatter _formatter = new();
    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();

    public string Text
    {
        get
        {
            lock (_lock) return _buffer.ToString();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var line = new StringWriter();
        _formatter.Format(logEvent, line);
        lock (_lock) _buffer.Append(line);
    }
}
