using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Connecting;

/// <summary>A member of the installation's crew commissions the system on site once the grid connection is approved.</summary>
public sealed class ActivateSystemAuthorization() : CommandAuthorizationHandler<ActivateSystem>(Capability.FieldWork);

public sealed class ActivateSystemValidator : AbstractValidator<ActivateSystem>
{
    public ActivateSystemValidator() => RuleFor(c => c.OrderId).NotEmpty();
}

public static class ActivateSystemHandler
{
    public static async Task<StreamChanged> Handle(
        ActivateSystem command, IDocumentSession session, Envelope envelope, ICallerContext caller, PersonalDataKeys keys,
        TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var crew = await OrderAccess.CrewOfAsync(session, caller, cancellation);
        return await OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.ActivateSystem(order, command, streams.Now), cancellation,
            see: order => order.ForCrew(order.InstallationCrewId, crew));
    }
}
