namespace SolarEvents.Api.Infrastructure;

/// <summary>Stable problem types (RFC 9457). Clients switch on these, so they never change meaning.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:solarevents:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string Unauthenticated = Prefix + "unauthenticated";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "concurrency-conflict";
    public const string ReadModelBehind = Prefix + "read-model-behind";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string Internal = Prefix + "internal";
    public const string IdempotencyKeyRequired = Prefix + "idempotency-key-required";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string InvalidCredentials = Prefix + "invalid-credentials";
    public const string MfaRequired = Prefix + "mfa-required";
    public const string RoleRequired = Prefix + "role-required";
    public const string InvalidCode = Prefix + "invalid-code";
    public const string PersonalDataErased = Prefix + "personal-data-erased";
    public const string PersonalDataUnreadable = Prefix + "personal-data-unreadable";
    public const string PaymentSignatureInvalid = Prefix + "payment-signature-invalid";

    /// <summary>A broken business rule, named by the domain's stable code (e.g. quote-expired).</summary>
    public static string ForRule(string code) => Prefix + "rule:" + code;
}
