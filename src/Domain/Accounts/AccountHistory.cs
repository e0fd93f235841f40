namespace SolarEvents.Domain.Accounts;

/// <summary>Folds an account's events into its state, as Marten does through Create/Apply (see OrderHistory).</summary>
public static class AccountHistory
{
    public static Account Rebuild(IEnumerable<object> events) =>
        events.Aggregate((Account?)null, Evolve) ?? throw new ArgumentException("An account stream cannot be empty.", nameof(events));

    public static Account Evolve(Account? state, object @event) => (state, @event) switch
    {
        (null, AccountRegistered e) => Account.Create(e),
        (null, _) => throw new ArgumentException($"An account stream starts with {nameof(AccountRegistered)}.", nameof(@event)),
        (_, AccountContactDetailsChanged e) => state.Apply(e),
        (_, AccountEmailVerified e) => state.Apply(e),
        (_, AccountSuspended e) => state.Apply(e),
        (_, AccountReactivated e) => state.Apply(e),
        (_, AccountClosed e) => state.Apply(e),
        (_, AccountPersonalDataErased e) => state.Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an account event.", nameof(@event)),
    };
}
