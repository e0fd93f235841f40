
namespace SolarEvents.Application.Orders.Amending;

/// <summary>Shape only: cents, a sane size, an ISO-shaped code. Whether it matches the order's currency is the domain's.</summary>
public sealed class MoneyValidator : AbstractValidator<Money>
{
    public MoneyValidator(bool allowNegative)
    {
        RuleFor(m => m.Amount).PrecisionScale(12, 2, ignoreTrailingZeros: true)
            .InclusiveBetween(allowNegative ? -1_000_000m : 0.01m, 1_000_000m);
        if (allowNegative) RuleFor(m => m.Amount).NotEqual(0m);
        RuleFor(m => m.Currency).NotEmpty().Matches("^[A-Z]{3}$");
    }
}
