using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SolarEvents.Projections.Tests;

/// <summary>The redaction policy every host's logger uses, checked on its own: no database, no host.</summary>
public sealed class logs_redact_sensitive_values
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    private const string Envelope = "pd1.0123456789abcdef0123456789abcdef.bm9uY2U.Y2lwaGVy.dGFn";

    [Fact]
    public void secrets_and_personal_values_never_reach_a_sink_whatever_they_are_called()
    {
        var output = Render(log =>
        {
            log.Information("Sign-in for {Email} with {Password}", "ada@example.org", "hunter2 hunter2");
            log.Information("Customer {CustomerName} on {Phone} at {Address}", "Ada Lovelace", "+44 20 7946 0018", "12 Analytical Row");
            log.Information("Issued {Value} and {Other}", Jwt, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            log.Information("Stored {Field}", Envelope);
            log.Information("Request {@Body}", new { Customer = new { PhoneNumber = "+49 170 1234567", Note = "call ada@example.org" }, Count = 2 });
            log.Information("Keys {TotpSecret} {SigningKey} {RefreshToken}", "JBSWY3DPEHPK3PXP", "c2lnbmluZw==", "r3fr3sh");
        });

        foreach (var secret in new[]
                 {
                     "ada@example.org", "hunter2", "Ada Lovelace", "7946", "Analytical", Jwt, "argon2id", Envelope, "1234567",
                     "JBSWY3DPEHPK3PXP", "c2lnbmluZw==", "r3fr3sh",
                 })
        {
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(SensitiveDataRedaction.Redacted, output, StringComparison.Ordinal);
    }

    [Fact]
    public void ordinary_values_pass_unchanged()
    {
        var output = Render(log =>
        {
            log.Information("Order {OrderId} moved to {Status} after {Elapsed} ms", "01a20a93-f45d-7844-8e3a-6f21d0a39b55", "QuoteIssued", 12);
            log.Information("Now listening on: {address}", "http://127.0.0.1:5080");
            log.Information("Handled {@EventId}", new { Id = 14, Name = "ListeningOnAddress" });
        });

        Assert.Contains("01a20a93-f45d-7844-8e3a-6f21d0a39b55", output, StringComparison.Ordinal);
        Assert.Contains("QuoteIssued", output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080", output, StringComparison.Ordinal);
        Assert.Contains("ListeningOnAddress", output, StringComparison.Ordinal);
        Assert.DoesNotContain(SensitiveDataRedaction.Redacted, output, StringComparison.Ordinal);
    }

    private static string Render(Action<ILogger> write)
    {
        var sink = new TextSink();
        using (var logger = new LoggerConfiguration().Enrich.With<SensitiveDataRedaction>().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        return sink.Text;
    }

    private sealed class TextSink : ILogEventSink
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly RenderedCompactJsonFormatter _formatter = new();

        public string Text => _text.ToString();

        public void Emit(LogEvent logEvent)
        {
            using var line = new StringWriter(_text);
            _formatter.Format(logEvent, line);
        }
    }
}
