using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Installing;

/// <summary>Sales books the installation with a crew once the quote is accepted; moving it later is support's
/// (an amendment under a change request).</summary>
public sealed class ScheduleInstallationAuthorization() : CommandAuthorizationHandler<ScheduleInstallation>(Capability.SalesPipeline);

public sealed class ScheduleInstallationValidator : AbstractValidator<ScheduleInstallation>
{
    public ScheduleInstallationValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Window).NotNull();
        RuleFor(c => c.CrewId).NotEmpty();
    }
}

public static class ScheduleInstallationHandler
{
    public static Task<StreamChanged> Handle(
        ScheduleInstallation command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.ScheduleInstallation(order, command, streams.Now), cancellation);
    }
}
