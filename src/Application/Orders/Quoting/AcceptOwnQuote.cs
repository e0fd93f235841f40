using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Quoting;

/// <summary>The customer accepts the quote they saw, by its id: a quote superseded or expired meanwhile is refused.</summary>
public sealed record AcceptOwnQuote(Guid OrderId, Guid CustomerId, Guid QuoteId);

public sealed class AcceptOwnQuoteAuthorization() : CommandAuthorizationHandler<AcceptOwnQuote>(Capability.OwnAccount)
{
    protected override bool IsAllowed(Actor actor, AcceptOwnQuote command) => actor.Id == command.CustomerId;
}

public sealed class AcceptOwnQuoteValidator : AbstractValidator<AcceptOwnQuote>
{
    public AcceptOwnQuoteValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.QuoteId).NotEmpty();
    }
}

public static class AcceptOwnQuoteHandler
{
    public static Task<StreamChanged> Handle(
        AcceptOwnQuote command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.AcceptQuote(order, new AcceptQuote(command.OrderId, command.QuoteId), streams.Now), cancellation,
            see: order => order.OwnedBy(command.CustomerId));
    }
}
