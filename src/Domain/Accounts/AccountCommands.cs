namespace SolarEvents.Domain.Accounts;

/// <summary>The personal fields arrive already encrypted, with their blind indexes (opaque to the domain).</summary>
public sealed record RegisterAccount(
    Guid AccountId, string Email, string EmailIndex, string Name, string Phone, string? PhoneIndex, string Address);

public sealed record ChangeContactDetails(Guid AccountId, string Phone, string? PhoneIndex, string Address, Guid? ChangeRequestId);

public sealed record VerifyEmail(Guid AccountId);

public sealed record SuspendAccount(Guid AccountId, string Reason, Guid? ChangeRequestId);

public sealed record ReactivateAccount(Guid AccountId, string Reason, Guid? ChangeRequestId);

public sealed record CloseAccount(Guid AccountId, string Reason);

public sealed record ErasePersonalData(Guid AccountId);
