using CsCheck;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;

namespace SolarEvents.Domain.Tests.Common;

public class money_and_enum_sets
{
    [Theory]
    [InlineData("EUR", true)]
    [InlineData("CHF", true)]
    [InlineData("eur", false)]
    [InlineData("EU", false)]
    [InlineData("EURO", false)]
    [InlineData("€UR", false)]
    [InlineData(null, false)]
    public void currency_codes_are_three_upper_case_letters(string? code, bool valid) =>
        Assert.Equal(valid, Money.IsIsoCurrencyCode(code));

    [Fact]
    public void money_prints_two_decimals_and_its_currency_whatever_the_culture() =>
        Assert.Equal("1234.50 EUR", new Money(1234.5m, "EUR").ToString());

    [Fact]
    public void amounts_equal_in_value_are_equal_money() =>
        Assert.Equal(new Money(10m, "EUR"), new Money(10.00m, "EUR"));

    [Fact]
    public void sets_built_in_any_order_are_equal() =>
        Gen.Enum<ChangeCategory>().Array[0, 12].Sample(values =>
        {
            var set = EnumSet.Of(values);
            Assert.Equal(set, EnumSet.Of(values.Reverse()));
            Assert.Equal(values.Distinct().Order(), set.ToList());
            Assert.All(values, v => Assert.True(set.Contains(v)));
            Assert.All(values, v => Assert.False(set.Without(v).Contains(v)));
        });

    [Fact]
    public void the_empty_set_is_the_default() =>
        Assert.True(default(EnumSet<ChangeCategory>).IsEmpty);

    [Fact]
    public void value_sets_built_in_any_order_are_equal_and_hash_alike() =>
        Gen.String[0, 4].Array[0, 12].Sample(values =>
        {
            var set = ValueSet.Of(values);
            var reversed = ValueSet.Of(values.Reverse());
            Assert.Equal(set, reversed);
            Assert.True(set == reversed);
            Assert.Equal(set.GetHashCode(), reversed.GetHashCode());
            Assert.Equal(values.Distinct().Count(), set.Count);
            Assert.All(values, v => Assert.True(set.Contains(v)));
            Assert.Equal(values.Distinct().Order(StringComparer.Ordinal), set.ToList().Order(StringComparer.Ordinal));
        });

    [Fact]
    public void value_sets_with_different_members_differ()
    {
        var set = ValueSet.Of(["a", "b"]);

        Assert.NotEqual(set, ValueSet.Of(["a", "c"]));
        Assert.NotEqual(set, ValueSet.Of(["a"]));
        Assert.True(set != ValueSet.Empty<string>());
        Assert.Same(set, set.With("a"));
    }
}
