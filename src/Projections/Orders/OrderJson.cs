using System.Text.Json;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Projections.Orders;

/// <summary>One line of the current quote as <see cref="OrderSummary.QuoteLines"/> keeps it: <see cref="Amount"/> is
/// what it adds to the total (negative for a discount); lines issued without a quantity have 1 and no unit price.</summary>
public sealed record QuoteLineEntry(string Description, decimal Amount, decimal Quantity = 1, decimal? UnitPrice = null);

/// <summary>One payment as <see cref="OrderSummary.Payments"/> keeps it: what the payment provider reported, and the
/// part of it beyond what the order still owed (<see cref="Excess"/>), if any.</summary>
public sealed record PaymentEntry(
    string ProviderEventId, string Kind, decimal Amount, string Currency, DateTimeOffset PaidAt, DateTimeOffset RecordedAt,
    decimal? Excess = null);

/// <summary>The JSON text columns of <see cref="OrderSummary"/>: written by the projector, read by the API. The same
/// events always give the same text, so a rebuild reproduces the rows exactly.</summary>
public static class OrderJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Lines(IReadOnlyList<PriceLine> lines) =>
        JsonSerializer.Serialize(lines.Select(l => new QuoteLineEntry(l.Description, l.Amount, l.Quantity, l.UnitPrice)).ToList(), Options);

    public static IReadOnlyList<QuoteLineEntry> Lines(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<QuoteLineEntry>>(json, Options) ?? [];

    public static string Payments(IReadOnlyList<PaymentEntry> payments) => JsonSerializer.Serialize(payments, Options);

    public static IReadOnlyList<PaymentEntry> Payments(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<PaymentEntry>>(json, Options) ?? [];
}
