using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Orders.Quoting;

/// <summary>Sales issues a quote after the survey; issuing again before acceptance supersedes the one before.</summary>
public sealed class IssueQuoteAuthorization() : CommandAuthorizationHandler<IssueQuote>(Capability.SalesPipeline);

public sealed class IssueQuoteValidator : AbstractValidator<IssueQuote>
{
    public IssueQuoteValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.QuoteId).NotEmpty();
        RuleFor(c => c.Lines).NotEmpty().Must(lines => lines.Count <= 50).WithMessage("A quote has at most 50 lines.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(200);
            line.RuleFor(l => l.Quantity).GreaterThan(0m).LessThanOrEqualTo(10_000m).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            line.RuleFor(l => l.UnitPrice).InclusiveBetween(-1_000_000m, 1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        });
        RuleFor(c => c.Currency).NotEmpty().Matches("^[A-Z]{3}$");
    }
}

public static class IssueQuoteHandler
{
    public static Task<StreamChanged> Handle(
        IssueQuote command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock, CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        return OrderSteps.DecideAsync(streams, session, keys, command.OrderId,
            order => Order.IssueQuote(order, command, streams.Now), cancellation);
    }
}
