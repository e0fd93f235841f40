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

    public static CapturedConsole Start()
    {
        var captured = new CapturedConsole(Console.Out);
        Console.SetOut(captured);
        return captured;
    }

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
