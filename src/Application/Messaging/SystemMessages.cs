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

    /// <summary>Stamps what a system message appends with the system as its actor (commands get their caller's).</summary>
    public static void Stamp(Marten.IDocumentSession session, Wolverine.IMessageContext messages)
    {
        session.LastModifiedBy = Id;
        session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, Role);
        session.CorrelationId = messages.CorrelationId;
    }
}
