using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Surveying;

/// <summary>A member of the survey's crew records what they found on the roof and the size the site takes.</summary>
public sealed class CompleteSiteSurveyAuthorization() : CommandAuthorizationHandler<CompleteSiteSurvey>(Capability.FieldWork);

public sealed class CompleteSiteSurveyValidator : AbstractValidator<CompleteSiteSurvey>
{
    public CompleteSiteSurveyValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.AdjustedKwp).InclusiveBetween(0.5m, 100m).PrecisionScale(6, 2, ignoreTrailingZeros: true);
    }
}

public static class CompleteSiteSurveyHandler
{
    public static async Task<StreamChanged> Handle(
        CompleteSiteSurvey command, IDocumentSession session, Envelope envelope, ICallerContext caller, PersonalDataKeys keys,
        TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var crew = await OrderAccess.CrewOfAsync(session, caller, cancellation);
        return await OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.CompleteSiteSurvey(order, command, streams.Now), cancellation,
            see: order => order.ForCrew(order.SurveyCrewId, crew));
    }
}
