using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.RequestingQuote;

/// <summary>A customer may ask for a quote only for themselves.</summary>
public sealed class RequestQuoteAuthorization() : CommandAuthorizationHandler<RequestQuote>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, RequestQuote command) => actor.Id == command.CustomerId;
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

/// <summary>A suspended, closed or erased account takes no new orders: the account decides that first, then the new
/// order stream starts. Wolverine finds <c>Handle</c> by convention; the session commits after it returns.</summary>
public static class RequestQuoteHandler
{
    public static async Task<StreamChanged> Handle(
        RequestQuote command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var account = await session.Events.AggregateStreamAsync<Account>(command.CustomerId, token: cancellation);
        return streams.Start<Order>(command.OrderId, account is null
            ? Order.RequestQuote(command, streams.Now)
            : Order.RequestQuote(account, command, streams.Now));
    }
}
