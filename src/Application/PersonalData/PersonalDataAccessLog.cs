using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.PersonalData;

/// <summary>
/// The durable record of employees reading customers' personal data (docs/security.md, "Personal data"). A
/// read is recorded, and committed, before the data leaves the API: if recording fails, the caller gets an error,
/// not the data.
/// </summary>
public sealed class PersonalDataAccessLog(IDocumentStore store, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task RecordAsync(
        Actor employee, string correlationId, IReadOnlyCollection<Guid> customerIds, IReadOnlyList<string> fields, string purpose,
        CancellationToken cancellation)
    {
        if (customerIds.Count == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = employee.Id.ToString();
            session.SetHeader(ActorMetadataMiddleware.ActorRoleHeader, employee.Role);
            session.CorrelationId = correlationId;
            var now = clock.GetUtcNow();
            foreach (var customerId in customerIds.Distinct())
            {
                session.Events.Append(PersonalDataAccess.StreamIdOf(customerId),
                    new PersonalDataViewed(customerId, employee.Id, employee.Role, fields, purpose, now));
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
                return;
            }
            catch (Exception e) when (attempt < Attempts && e.IsLostRace())
            {
                // Two reads of the same customer at the same moment: record this one after the other.
            }
        }
    }
}
