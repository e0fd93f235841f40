namespace SolarEvents.Domain.Accounts;

/// <summary><paramref name="Name"/>, <paramref name="Phone"/> and <paramref name="Address"/> arrive
/// already encrypted (opaque to the domain).</summary>
public sealed record RegisterAccount(Guid AccountId, string Email, string Name, string Phone, string Address);

public sealed record ChangeContactDetails(Guid AccountId, string Phone, string Address, Guid? ChangeRequestId);

public sealed record VerifyEmail(Guid AccountId);

public sealed record SuspendAccount(Guid AccountId, string Reason, Guid? ChangeRequestId);

public sealed record ReactivateAccount(Guid AccountId, string Reason, Guid? ChangeRequestId);

public sealed record CloseAccount(Guid AccountId, string Reason);

public sealed record ErasePersonalData(Guid AccountId);
