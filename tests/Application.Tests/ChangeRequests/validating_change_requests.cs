using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Amending;
using SolarEvents.Application.ChangeRequests.Opening;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Common;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Tests.ChangeRequests;

public sealed class validating_change_requests
{
    private static OpenRequest Open(string reason, string reference = "TICKET-4711", params ChangeCategory[] categories) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            categories.Length == 0 ? [ChangeCategory.Reschedule] : categories, reason, reference);

    [Theory]
    [InlineData("Customer called to move the installation date")]
    [InlineData("Kunde bittet um einen späteren Termin wegen Urlaub")]
    public void a_sentence_is_a_reason(string reason) =>
        Assert.True(new OpenRequestValidator().Validate(Open(reason)).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("fix")]
    [InlineData("fix fix fix fix fix fix fix")]
    [InlineData("12345678901234567890123")]
    [InlineData("asdfghjklqwertzuiopyxcvbnm")]
    public void a_word_or_noise_is_not(string reason) =>
        Assert.Contains(new OpenRequestValidator().Validate(Open(reason)).Errors, e => e.PropertyName == nameof(OpenRequest.Reason));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("TICKET\n4711")]
    [InlineData("<script>")]
    public void a_contact_reference_is_a_short_plain_token(string reference) =>
        Assert.Contains(new OpenRequestValidator().Validate(Open(SupportReason, reference)).Errors,
            e => e.PropertyName == nameof(OpenRequest.CustomerContactReference));

    [Fact]
    public void break_glass_access_is_not_opened_as_a_support_amendment() =>
        Assert.False(new OpenRequestValidator().Validate(Open(SupportReason, "TICKET-1", ChangeCategory.BreakGlassAccess)).IsValid);

    [Theory]
    [InlineData(TargetKind.Order, ChangeCategory.Refund, true)]
    [InlineData(TargetKind.Order, ChangeCategory.SuspendAccount, false)]
    [InlineData(TargetKind.Account, ChangeCategory.UpdateContactDetails, true)]
    [InlineData(TargetKind.Account, ChangeCategory.PriceReduction, false)]
    public void categories_fit_their_kind_of_target(TargetKind kind, ChangeCategory category, bool applies) =>
        Assert.Equal(applies, ChangeRequestTargets.Applies(kind, category));

    [Fact]
    public void idempotency_keys_are_scoped_to_the_caller()
    {
        var key = Guid.NewGuid().ToString();

        Assert.NotEqual(Idempotency.RecordId(Guid.CreateVersion7().ToString("N"), key), Idempotency.RecordId(Guid.CreateVersion7().ToString("N"), key));
        var agent = Guid.CreateVersion7().ToString("N");
        Assert.Equal(Idempotency.RecordId(agent, key), Idempotency.RecordId(agent, key));
    }

    [Fact]
    public void every_amendment_category_has_exactly_one_declared_kind()
    {
        var declared = AmendmentKinds.All
            .SelectMany(kind => Enum.GetValues<ChangeCategory>().Where(category => Covers(kind, category)))
            .ToList();

        Assert.Equal(Enum.GetValues<ChangeCategory>().Where(ChangeRequestTargets.IsAmendment).Order(), declared.Order());
    }

    [Fact]
    public void an_amendment_change_is_validated_by_its_kind_and_an_unknown_change_is_refused()
    {
        var valid = new Amend(Guid.CreateVersion7(), Guid.CreateVersion7(), 3, new SuspendAccount(Guid.CreateVersion7(), "Customer asked to pause the account", null));
        var shortReason = valid with { Change = new SuspendAccount(Guid.CreateVersion7(), "no", null) };
        var unknown = valid with { Change = "not a change" };

        Assert.True(new AmendValidator().Validate(valid).IsValid);
        Assert.Contains(new AmendValidator().Validate(shortReason).Errors, e => e.PropertyName == nameof(SuspendAccount.Reason));
        Assert.Null(AmendmentKinds.Find(unknown.Change.GetType()));
    }

    /// <summary>A kind covers the categories its change can fall under (a price adjustment: an increase or a reduction).</summary>
    private static bool Covers(IAmendmentKind kind, ChangeCategory category) => category switch
    {
        ChangeCategory.PriceIncrease => kind.ChangeType == typeof(AdjustPrice) && kind.CategoryOf(new AdjustPrice(Guid.Empty, new Money(1, "EUR"), "", null)) == category,
        ChangeCategory.PriceReduction => kind.ChangeType == typeof(AdjustPrice) && kind.CategoryOf(new AdjustPrice(Guid.Empty, new Money(-1, "EUR"), "", null)) == category,
        _ => kind.ChangeType != typeof(AdjustPrice) && kind.CategoryOf(Sample(kind.ChangeType)) == category,
    };

    private static object Sample(Type change) => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(change);

    private const string SupportReason = "Customer called to move the installation date";
}
