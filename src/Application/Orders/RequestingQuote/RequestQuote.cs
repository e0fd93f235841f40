using FluentValidation;
using Marten;
using SolarEvents.Application.Identity;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.RequestingQuote;

/// <summary>A customer may ask for a quote only for themselves.</summary>
public sealed class RequestQuoteAuthorization : CommandAuthorizationHandler<RequestQuote>
{
    protected override bool IsAllowed(Actor actor, RequestQuote command) =>
        actor.Role == Roles.Customer && actor.Id == command.CustomerId;
}

public sealed class RequestQuoteValidator : AbstractValidator<RequestQuote>
{
    public RequestQuoteValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Site).NotNull().SetValidator(new InstallationSiteValidator());
        RuleFor(c => c.Roof).IsInEnum();
        RuleFor(c => c.EstimatedKwp).InclusiveBetween(0.5m, 100m).PrecisionScale(6, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.System).NotNull().SetValidator(new SystemConfigurationValidator());
    }
}

public sealed class InstallationSiteValidator : AbstractValidator<InstallationSite>
{
    public InstallationSiteValidator()
    {
        RuleFor(s => s.PostalCode).NotEmpty().MaximumLength(16).Matches("^[A-Za-z0-9 -]+$");
        RuleFor(s => s.City).NotEmpty().MaximumLength(100);
        RuleFor(s => s.CountryCode).NotEmpty().Length(2).Matches("^[A-Z]{2}$");
    }
}

public sealed class SystemConfigurationValidator : AbstractValidator<SystemConfiguration>
{
    public SystemConfigurationValidator()
    {
        RuleFor(s => s.PanelCount).InclusiveBetween(1, 500);
        RuleFor(s => s.PanelModel).NotEmpty().MaximumLength(100);
        RuleFor(s => s.InverterModel).NotEmpty().MaximumLength(100);
    }
}

/// <summary>Wolverine finds <c>Handle</c> by convention; the Marten session is committed after it returns.</summary>
public static class RequestQuoteHandler
{
    public static StreamChanged Handle(RequestQuote command, IDocumentSession session, TimeProvider clock)
    {
        var events = Order.RequestQuote(command, clock.GetUtcNow()).ThrowIfRejected();
        session.Events.StartStream<Order>(command.OrderId, events);
        return new StreamChanged(command.OrderId, events.Count);
    }
}
