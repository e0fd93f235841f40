namespace SolarEvents.Application.PersonalData;

public enum PersonalDataFault
{
    /// <summary>The customer's data key was destroyed on purpose (erasure): the value is gone for good.</summary>
    Erased,

    /// <summary>No data key exists for the value's key id, and none was ever destroyed: a fault to investigate.</summary>
    KeyMissing,

    /// <summary>The ciphertext, nonce, tag or key id was altered, or the value is not an envelope at all.</summary>
    Tampered,
}

/// <summary>A personal value cannot be read. Says why, never what the value or the key was.</summary>
public sealed class PersonalDataUnreadableException(Guid? subjectId, PersonalDataFault fault)
    : Exception($"Personal data of {subjectId?.ToString() ?? "an unknown subject"} is unreadable: {fault}.")
{
    public Guid? SubjectId { get; } = subjectId;

    public PersonalDataFault Fault { get; } = fault;
}
