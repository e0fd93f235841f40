namespace SolarEvents.Application.PersonalData;

/// <summary>One account's contact fields as the read model keeps them: sealed with the customer's data key.</summary>
public sealed record SealedContact(Guid AccountId, bool Erased, string? Email, string? Name, string? Phone, string? Address);

/// <summary>An account's contact fields in the clear.</summary>
public sealed record ContactDetails(string Email, string Name, string Phone, string Address)
{
    public static readonly string[] Fields = ["email", "name", "phone", "address"];
}

/// <summary>
/// Opens customers' personal data for whoever may see it: the customer themselves, or an employee, whose every read
/// is recorded (<see cref="PersonalDataAccessLog"/>) and committed before anything is opened. Erased data opens to null.
/// </summary>
public sealed class PersonalDataReveal(PersonalDataKeys keys, PersonalDataAccessLog accessLog, ICallerContext caller)
{
    /// <summary>For the employee making the request, who reads these accounts for <paramref name="purpose"/>
    /// (e.g. "account view", "break-glass"); the record names the <paramref name="fields"/> they are shown (all of
    /// <see cref="ContactDetails.Fields"/> unless said).</summary>
    public async Task<IReadOnlyList<ContactDetails?>> ForEmployeeAsync(
        IReadOnlyList<SealedContact> accounts, string purpose, CancellationToken cancellation, IReadOnlyList<string>? fields = null)
    {
        var employee = Actor.From(caller.Principal) ?? throw new CommandUnauthenticatedException();
        var readable = accounts.Where(a => !a.Erased).Select(a => a.AccountId).ToList();
        await accessLog.RecordAsync(employee, caller.CorrelationId, readable, fields ?? ContactDetails.Fields, purpose, cancellation);
        var opened = new List<ContactDetails?>(accounts.Count);
        foreach (var account in accounts) opened.Add(await OpenAsync(account, cancellation));
        return opened;
    }

    /// <summary>For the customer, about their own account: not a disclosure, so not recorded.</summary>
    public Task<ContactDetails?> ForOwnerAsync(SealedContact account, CancellationToken cancellation) => OpenAsync(account, cancellation);

    private async Task<ContactDetails?> OpenAsync(SealedContact account, CancellationToken cancellation)
    {
        if (account.Erased || account.Email is null) return null;
        try
        {
            var key = await keys.GetAsync(account.AccountId, cancellation);
            return new ContactDetails(key.Open(account.Email), Open(key, account.Name), Open(key, account.Phone), Open(key, account.Address));
        }
        catch (PersonalDataUnreadableException unreadable) when (unreadable.Fault == PersonalDataFault.Erased)
        {
            // Erased a moment ago and the read model does not say so yet: shown as erased, not a failed page.
            return null;
        }
    }

    private static string Open(DataKey key, string? envelope) => envelope is null ? "" : key.Open(envelope);
}
