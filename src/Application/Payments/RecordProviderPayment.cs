using System.Text.Json;
using System.Text.Json.Serialization;
using SolarEvents.Application.Orders;
using SolarEvents.Application.PersonalData;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Application.Payments;

/// <summary>A payment the provider reported, with proof its signature was checked. Its actor is the provider.</summary>
public sealed record RecordProviderPayment(RecordPayment Payment, VerifiedSignature Signature) : IAnonymousCommand
{
    public static readonly Actor Provider = new(new Guid("0a9e0000-0000-7000-8000-00000000fa11"), Roles.PaymentProvider);

    public Actor SelfActor => Provider;
}

/// <summary>Nobody signed in sends it, and nothing without a checked signature gets this far.</summary>
public sealed class RecordProviderPaymentAuthorization : AnonymousCommandAuthorizationHandler<RecordProviderPayment>
{
    protected override bool IsAllowed(Actor? actor, RecordProviderPayment command) => actor is null && command.Signature is not null;
}

public sealed class RecordProviderPaymentValidator : AbstractValidator<RecordProviderPayment>
{
    public RecordProviderPaymentValidator()
    {
        RuleFor(c => c.Payment.OrderId).NotEmpty().OverridePropertyName("orderId");
        RuleFor(c => c.Payment.ProviderEventId).NotEmpty().Length(3, 100).Matches("^[A-Za-z0-9._:-]+$").OverridePropertyName("eventId");
        RuleFor(c => c.Payment.Amount.Amount).GreaterThan(0m).LessThanOrEqualTo(1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true)
            .OverridePropertyName("amount");
        RuleFor(c => c.Payment.Amount.Currency).NotEmpty().Matches("^[A-Z]{3}$").OverridePropertyName("currency");
        RuleFor(c => c.Payment.Kind).IsInEnum().OverridePropertyName("kind");
    }
}

/// <summary>A report delivered again (the provider retries until it gets a 2xx) is answered with the order as it is
/// and appends nothing; a payment beyond what is owed is recorded and flagged for support by the domain.</summary>
public static class RecordProviderPaymentHandler
{
    public static Task<StreamChanged> Handle(
        RecordProviderPayment command, IDocumentSession session, Envelope envelope, PersonalDataKeys keys, TimeProvider clock,
        CancellationToken cancellation)
    {
        var streams = CommandStreams.For(session, envelope, clock);
        var payment = command.Payment;
        return OrderSteps.DecideAsync(streams, session, keys, payment.OrderId,
            order => order.PaymentProviderEventIds.Contains(payment.ProviderEventId)
                ? Decision.Accept()
                : Order.RecordPayment(order, payment, streams.Now),
            cancellation);
    }
}

/// <summary>What the provider sends: its id for this report, the order, the amount, what it pays for and when.</summary>
public sealed record PaymentNotification(
    string EventId, Guid OrderId, decimal Amount, string Currency, PaymentKind Kind, DateTimeOffset PaidAt);

/// <summary>
/// The webhook as a use case: check the signature over the raw body, read the report, record it through the command
/// pipeline, idempotent on the provider's event id. Every refusal appends nothing and is a security event
/// (<see cref="SecurityEvents.PaymentNotificationRefused"/>) before it is answered.
/// </summary>
public sealed class PaymentNotifications(PaymentSignatures signatures, CommandSender commands, SecurityEvents security)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public async Task<StreamChanged> ReceiveAsync(string? signature, byte[] body, CancellationToken cancellation)
    {
        try
        {
            var verified = signatures.Verify(signature, body);
            var report = Read(body);
            var payment = new RecordPayment(report.OrderId, new Money(report.Amount, report.Currency), report.Kind, report.EventId, report.PaidAt);
            var key = new IdempotencyKey(report.EventId, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)));
            var sent = await commands.SendAsync<StreamChanged>(new RecordProviderPayment(payment, verified), report.OrderId, expectedVersion: null, key,
                cancellation);
            return sent.Result;
        }
        catch (Exception e) when (Refusal(e) is { } reason)
        {
            security.Record(SecurityEvents.PaymentNotificationRefused, null, reason);
            throw;
        }
    }

    private static PaymentNotification Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PaymentNotification>(body, Json) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new CommandValidationException(new Dictionary<string, string[]> { ["body"] = ["The report is not a payment notification."] });
        }
    }

    /// <summary>Why the report was refused, in words safe for the log (no amounts, no ids the caller chose).</summary>
    private static string? Refusal(Exception e) => e switch
    {
        PaymentSignatureRefusedException refused => "signature: " + refused.Reason,
        CommandValidationException => "malformed report",
        StreamNotFoundException => "unknown order",
        DomainRuleViolatedException rule => "refused by the order: " + rule.Error.Code,
        IdempotencyKeyReusedException => "event id reused for another report",
        _ => null,
    };
}
