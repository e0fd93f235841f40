using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Surveying;

/// <summary>Sales books the survey with a crew, or moves it while it is still to come.</summary>
public sealed class ScheduleSiteSurveyAuthorization() : CommandAuthorizationHandler<ScheduleSiteSurvey>(Capability.SalesPipeline);

public sealed class ScheduleSiteSurveyValidator : AbstractValidator<ScheduleSiteSurvey>
{
    public ScheduleSiteSurveyValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.CrewId).NotEmpty();
    }
}

public static class ScheduleSiteSurveyHandler
{
    public static Task<StreamChanged> Handle(
        ScheduleSiteSurvey command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.ScheduleSiteSurvey(order, command, streams.Now), cancellation);
    }
}
