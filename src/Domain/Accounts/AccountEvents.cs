namespace SolarEvents.Domain.Accounts;

// Email, name, phone and address are personal data. The application encrypts them with the customer's data
// key before they reach a command, so here they are opaque strings (encrypted envelopes): the domain never
// parses, compares or logs them. The *Index fields are keyed blind indexes (HMAC) that let staff and the login
// find a customer by email or phone without the plaintext. Erasing the account destroys the data key; these
// events stay as they are, and their envelopes become unreadable.

public sealed record AccountRegistered(
    Guid AccountId,
    string Email,
    string EmailIndex,
    string Name,
    string Phone,
    string? PhoneIndex,
    string Address,
    DateTimeOffset RegisteredAt);

public sealed record AccountContactDetailsChanged(
    Guid AccountId,
    string Phone,
    string? PhoneIndex,
    string Address,
    Guid? ChangeRequestId,
    DateTimeOffset ChangedAt);

public sealed record AccountEmailVerified(Guid AccountId, DateTimeOffset VerifiedAt);

public sealed record AccountSuspended(Guid AccountId, string Reason, Guid? ChangeRequestId, DateTimeOffset SuspendedAt);

public sealed record AccountReactivated(Guid AccountId, string Reason, Guid? ChangeRequestId, DateTimeOffset ReactivatedAt);

public sealed record AccountClosed(Guid AccountId, string Reason, DateTimeOffset ClosedAt);

/// <summary>Marks the moment the customer's data key was destroyed: from here on, the personal data in
/// this stream's history is unreadable, and the account accepts nothing more.</summary>
public sealed record AccountPersonalDataErased(Guid AccountId, DateTimeOffset ErasedAt);
