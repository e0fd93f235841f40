using System.Text;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Keeps a copy of all console output (the hosts' Serilog sink writes there) while still echoing it.</summary>
public sealed class CapturedConsole : TextWriter
{
    private readonly TextWriter _original;
    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();

    private CapturedConsole(TextWriter original) => _original = original;

    public override Encoding Encoding => _original.Encoding;

    private static readonly Lazy<CapturedConsole> Shared = new(() =>
    {
        var captured = new CapturedConsole(Console.Out);
        Console.SetOut(captured);
        return captured;
    });

    /// <summary>One capture for the whole test process: several hosts (fixtures of parallel collections) write
    /// to the one console, and a second SetOut would blind the first capture.</summary>
    public static CapturedConsole Start() => Shared.Value;

    public string Text
    {
        get
        {
            lock (_lock) return _buffer.ToString();
        }
    }

    public override void Write(char value)
    {
        lock (_lock) _buffer.Append(value);
        _original.Write(value);
    }

    public override void Write(string? value)
    {
        lock (_lock) _buffer.Append(value);
        _original.Write(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_lock) _buffer.AppendLine(value);
        _original.WriteLine(value);
    }
}
