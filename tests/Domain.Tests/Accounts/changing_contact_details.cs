using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Tests.Support;
using static SolarEvents.Domain.Tests.Accounts.AccountStory;
using static SolarEvents.Domain.Tests.Support.Clock;

namespace SolarEvents.Domain.Tests.Accounts;

public class changing_contact_details
{
    private static readonly ChangeContactDetails Change = new(AccountId, "enc:v1:phone2", "phone-index-2", "enc:v1:address2", RequestId);

    [Fact]
    public void changing_contact_details_records_the_opaque_values_and_the_request() =>
        Expect.Events(
            Account.ChangeContactDetails(Given(), Change, Now),
            new AccountContactDetailsChanged(AccountId, "enc:v1:phone2", "phone-index-2", "enc:v1:address2", RequestId, Now));

    [Fact]
    public void a_customer_changing_their_own_details_needs_no_request() =>
        Expect.Accepted(Account.ChangeContactDetails(Given(), Change with { ChangeRequestId = null }, Now));

    [Fact]
    public void a_suspended_customer_may_still_change_contact_details() =>
        Expect.Accepted(Account.ChangeContactDetails(Given(Suspended), Change, Now));

    [Fact]
    public void contact_change_on_a_closed_account_is_refused() =>
        Expect.Refused(Account.ChangeContactDetails(Given(Closed), Change, Now), AccountRules.AccountIsClosed);

    [Fact]
    public void contact_change_on_an_erased_account_is_refused() =>
        Expect.Refused(Account.ChangeContactDetails(Given(Closed, Erased), Change, Now), AccountRules.AccountIsErased);

    [Fact]
    public void values_the_domain_cannot_read_are_passed_through_untouched()
    {
        const string envelope = "{\"kid\":\"k1\",\"ct\":\"AAEC\"}";
        var decision = Account.ChangeContactDetails(Given(), Change with { Phone = envelope, Address = "" }, Now);

        var changed = Assert.IsType<AccountContactDetailsChanged>(Assert.Single(decision.Events));
        Assert.Equal(envelope, changed.Phone);
        Assert.Equal("", changed.Address);
    }
}
