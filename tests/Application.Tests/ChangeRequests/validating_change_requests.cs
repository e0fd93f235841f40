using SolarEvents.Application.ChangeRequests;
using SolarEvents.Application.ChangeRequests.Opening;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.ChangeRequests;

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

        Assert.NotEqual(Idempotency.RecordId(Guid.CreateVersion7(), key), Idempotency.RecordId(Guid.CreateVersion7(), key));
        var agent = Guid.CreateVersion7();
        Assert.Equal(Idempotency.RecordId(agent, key), Idempotency.RecordId(agent, key));
    }

    private const string SupportReason = "Customer called to move the installation date";
}
