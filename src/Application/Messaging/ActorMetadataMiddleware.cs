
namespace SolarEvents.Application.Messaging;

/// <summary>
/// Stamps every event the handler appends with who acted and why: actor id (Marten's user name),
/// actor role (header), correlation and causation ids. Runs after authorization, so the actor exists.
/// </summary>
public static class ActorMetadataMiddleware
{
    public const string ActorRoleHeader = "actor_role";
    public const string ChangeRequestHeader = "change_request_id";

    public static void Before(Envelope envelope, ICallerContext caller, IDocumentSession session)
    {
        var actor = Actor.From(caller.Principal)
                    ?? (envelope.Message as IAnonymousCommand)?.SelfActor
                    ?? throw new CommandUnauthenticatedException();
        session.LastModifiedBy = actor.Id.ToString();
        session.SetHeader(ActorRoleHeader, actor.Role);
        session.CorrelationId = caller.CorrelationId;
        session.CausationId = envelope.Id.ToString();
    }
}
