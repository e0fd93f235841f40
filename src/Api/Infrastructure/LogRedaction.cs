using Serilog.Events;

namespace SolarEvents.Api.Infrastructure;

/// <summary>
/// Wolverine logs a failed invocation as "Invocation of {Message} failed!", rendering the whole command
/// with its ToString: email addresses, names, password hashes. The exception still reaches the caller and
/// ProblemExceptionHandler (which logs unexpected ones without the command), so the echo is dropped.
/// </summary>
public static class LogRedaction
{
    private const string WolverineInvocationFailed = "Invocation of {Message} failed!";

    public static bool EchoesCommandContents(LogEvent logEvent) =>
        logEvent.MessageTemplate.Text == WolverineInvocationFailed;
}
