using JasperFx;
using JasperFx.Events;
using Npgsql;

namespace SolarEvents.Application.Messaging;

/// <summary>Tells "someone else wrote first" (a version, an expected stream head or a unique key taken meanwhile)
/// apart from real failures, however Marten wraps it.</summary>
public static class LostRaces
{
    public static bool IsLostRace(this Exception e) => e switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException => true,
        StreamVersionConflictException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        { InnerException: { } inner } => inner.IsLostRace(),
        _ => false,
    };
}
