namespace SolarEvents.Domain.Privacy;

/// <summary>
/// An employee saw a customer's personal data in the clear. Appended before the data is returned, to a stream
/// of the customer's reads (<see cref="PersonalDataAccess.StreamIdOf"/>), so every read has a durable,
/// hash-chained record that Compliance can query.
/// </summary>
public sealed record PersonalDataViewed(
    Guid CustomerId,
    Guid EmployeeId,
    string EmployeeRole,
    IReadOnlyList<string> Fields,
    string Purpose,
    DateTimeOffset ViewedAt);

public static class PersonalDataAccess
{
    /// <summary>The id of the stream that records reads of one customer's personal data: derived from the
    /// customer's id (name-based, RFC 9562 version 8), so it needs no lookup and never collides with a real stream.</summary>
    public static Guid StreamIdOf(Guid customerId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData([.. "personal-data-access-v1"u8, .. customerId.ToByteArray(bigEndian: true)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>The reads of one customer's personal data, folded: how many, and the latest. Compliance reads the events
/// themselves; this fold exists so the stream, like every other, replays into a state.</summary>
public sealed record PersonalDataReads(Guid Id, Guid CustomerId, int Count, DateTimeOffset LastViewedAt)
{
    public static PersonalDataReads Start(PersonalDataViewed e) => new(PersonalDataAccess.StreamIdOf(e.CustomerId), e.CustomerId, 1, e.ViewedAt);

    public PersonalDataReads When(PersonalDataViewed e) => this with { Count = Count + 1, LastViewedAt = e.ViewedAt };

    public static PersonalDataReads Evolve(PersonalDataReads? state, object @event) => (state, @event) switch
    {
        (null, PersonalDataViewed e) => Start(e),
        (not null, PersonalDataViewed e) => state.When(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not belong to a personal-data reads stream.", nameof(@event)),
    };
}
