namespace SolarEvents.Domain.Orders;

/// <summary>
/// The first shape of <see cref="SiteSurveyScheduled"/>, stored as <c>order.site_survey_scheduled.v1</c>
/// before surveys were given a crew. Kept only so old streams can be read; nothing emits it any more.
/// </summary>
public sealed record SiteSurveyScheduledV1(Guid OrderId, DateTimeOffset SurveyAt, DateTimeOffset ScheduledAt);

public static class SiteSurveyScheduledUpcaster
{
    /// <summary>Old surveys were scheduled without a crew on record, so the crew is unknown, not empty.</summary>
    public static SiteSurveyScheduled Upcast(SiteSurveyScheduledV1 old) =>
        new(old.OrderId, old.SurveyAt, CrewId: null, old.ScheduledAt);
}
