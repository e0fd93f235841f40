using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Installing;

/// <summary>A member of the installation's crew records that the system is installed.</summary>
public sealed class RecordInstallationAuthorization() : CommandAuthorizationHandler<RecordInstallation>(Capability.FieldWork);

public sealed class RecordInstallationValidator : AbstractValidator<RecordInstallation>
{
    public RecordInstallationValidator() => RuleFor(c => c.OrderId).NotEmpty();
}

public static class RecordInstallationHandler
{
    public static async Task<StreamChanged> Handle(
        RecordInstallation command, IDocumentSession session, Envelope envelope, ICallerContext caller, PersonalDataKeys keys,
        TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var crew = await OrderAccess.CrewOfAsync(session, caller, cancellation);
        return await OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.RecordInstallation(order, command, streams.Now), cancellation,
            see: order => order.ForCrew(order.InstallationCrewId, crew));
    }
}
