namespace SolarEvents.Application.Messaging;

/// <summary>
/// A message the system sends itself (a durable scheduled message), never a caller's command: no HTTP request,
/// no principal. Command middleware (authorization, validation, actor stamp) skips these chains; their handlers
/// stamp the system as the actor. No endpoint may dispatch one.
/// </summary>
public interface ISystemMessage;

public static class SystemActor
{
    public const string Id = "system:scheduler";
    public const string Role = "System";

    public static bool IsCommand(Type messageType) => !messageType.IsAssignableTo(typeof(ISystemMessage));
}
