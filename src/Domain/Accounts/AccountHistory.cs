namespace SolarEvents.Domain.Accounts;

/// <summary>Folds an account's events into its state, with Start/When; Marten's projection calls it too (see OrderHistory).</summary>
public static class AccountHistory
{
    public static Account Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Account?)null, Evolve) ?? throw new ArgumentException("An account stream cannot be empty.", nameof(events));

    public static Account Evolve(Account? state, object @event) => (state, @event) switch
    {
        (null, AccountRegistered e) => Account.Start(e),
        (null, _) => throw new ArgumentException($"An account stream starts with {nameof(AccountRegistered)}.", nameof(@event)),
        (_, AccountContactDetailsChanged e) => state.When(e),
        (_, AccountEmailVerified e) => state.When(e),
        (_, AccountSuspended e) => state.When(e),
        (_, AccountReactivated e) => state.When(e),
        (_, AccountClosed e) => state.When(e),
        (_, AccountPersonalDataErased e) => state.When(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an account event.", nameof(@event)),
    };
}
