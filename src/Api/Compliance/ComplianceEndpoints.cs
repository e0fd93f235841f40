using SolarEvents.Application.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;
using SolarEvents.Application.Compliance.History;
using SolarEvents.Domain.Accounts;
using SolarEvents.Domain.Orders;

namespace SolarEvents.Api.Compliance;

public sealed record StreamHistoryResponse(Guid StreamId, IReadOnlyList<EventView> Events);

public sealed record EventsResponse(IReadOnlyList<EventView> Events, bool Truncated);

public sealed record DigestCheck(long DigestId, DateTimeOffset CreatedAt, IReadOnlyList<DigestBreak> Breaks);

public sealed record VerificationResponse(bool Intact, ChainReport Chains, DigestCheck? LatestDigest);

public sealed record DigestResponse(long Id, DateTimeOffset CreatedAt, string Document, string Signature, IReadOnlyList<StreamHead> Heads);

/// <summary>Compliance's read-only window on history, tamper checks, digests and exports. Compliance role only.</summary>
public static class ComplianceEndpoints
{
    public const string ExportContentType = "application/jsonl";
    public const int MaxPeriodDays = 366;

    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var compliance = app.MapGroup("/api/v1/compliance").RequireCapability(Capability.ComplianceAudit);
        compliance.MapGet("/streams/{streamId:guid}/events", StreamEvents);
        compliance.MapGet("/orders/{orderId:guid}/state", OrderState);
        compliance.MapGet("/accounts/{accountId:guid}/state", AccountState);
        compliance.MapGet("/employees/{employeeId:guid}/actions", EmployeeActions);
        compliance.MapGet("/change-requests/{changeRequestId:guid}/amendments", Amendments);
        compliance.MapGet("/customers/{customerId:guid}/personal-data-reads", PersonalDataReads);
        compliance.MapPost("/verification", Verify);
        compliance.MapPost("/digests", CreateDigest);
        compliance.MapGet("/digests/latest", LatestDigest);
        compliance.MapGet("/digests/public-key", PublicKey);
        compliance.MapGet("/exports/streams/{streamId:guid}", ExportStream);
        compliance.MapGet("/exports/customers/{customerId:guid}", ExportCustomer);
    }

    private static async Task<Results<Ok<StreamHistoryResponse>, NotFound>> StreamEvents(
        Guid streamId, ComplianceHistory history, CancellationToken cancellation)
    {
        var page = await history.StreamAsync(streamId, cancellation);
        return page.Items.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(new StreamHistoryResponse(streamId, page.Items));
    }

    /// <summary>Who saw this customer's personal data in the clear, when, which fields and why; empty when nobody did.</summary>
    private static async Task<Ok<EventsResponse>> PersonalDataReads(Guid customerId, ComplianceHistory history, CancellationToken cancellation)
    {
        var page = await history.PersonalDataReadsAsync(customerId, cancellation);
        return TypedResults.Ok(new EventsResponse(page.Items, page.Truncated));
    }

    private static async Task<Results<Ok<StateAsOf<Order>>, NotFound, ProblemHttpResult>> OrderState(
        Guid orderId, long? version, DateTimeOffset? at, ComplianceHistory history, CancellationToken cancellation)
    {
        if (version is < 1) return Invalid("version", "The version starts at 1.");
        return await history.OrderAsOfAsync(orderId, version, at, cancellation) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<StateAsOf<Account>>, NotFound, ProblemHttpResult>> AccountState(
        Guid accountId, long? version, DateTimeOffset? at, ComplianceHistory history, CancellationToken cancellation)
    {
        if (version is < 1) return Invalid("version", "The version starts at 1.");
        return await history.AccountAsOfAsync(accountId, version, at, cancellation) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> EmployeeActions(
        Guid employeeId, DateTimeOffset from, DateTimeOffset to, int? limit, ComplianceHistory history, CancellationToken cancellation)
    {
        if (to <= from || to - from > TimeSpan.FromDays(MaxPeriodDays)) return Invalid("to", $"The period must end after it starts and span at most {MaxPeriodDays} days.");
        if (limit is < 1 or > ComplianceHistory.MaxPageSize) return Invalid("limit", $"The limit is between 1 and {ComplianceHistory.MaxPageSize}.");
        var page = await history.ActionsOfAsync(employeeId, from, to, limit ?? ComplianceHistory.MaxPageSize, cancellation);
        return TypedResults.Ok(new EventsResponse(page.Items, page.Truncated));
    }

    private static async Task<Ok<EventsResponse>> Amendments(Guid changeRequestId, ComplianceHistory history, CancellationToken cancellation)
    {
        var page = await history.UnderChangeRequestAsync(changeRequestId, cancellation: cancellation);
        return TypedResults.Ok(new EventsResponse(page.Items, page.Truncated));
    }

    /// <summary>Walks every chain, and checks the latest digest when a key is configured to check it with.</summary>
    private static async Task<Ok<VerificationResponse>> Verify(
        StoreVerification verification, DigestStore digests, DigestSigningKey signing, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var chains = await verification.VerifyAsync(cancellation);
        DigestCheck? check = null;
        if (signing.Key is { } key && await digests.LatestAsync(cancellation) is { } latest)
            check = new DigestCheck(latest.Id, latest.CreatedAt, await digests.CheckAsync(latest.Digest, key, cancellation));
        var intact = chains.IsIntact && check?.Breaks.Count is null or 0;
        if (!intact) ComplianceLog.TamperingDetected(loggers.CreateLogger(typeof(ComplianceEndpoints)), chains.Breaks.Count, check?.Breaks.Count ?? 0);
        return TypedResults.Ok(new VerificationResponse(intact, chains, check));
    }

    private static async Task<Results<Created<DigestResponse>, ProblemHttpResult>> CreateDigest(
        DigestStore digests, DigestSigningKey signing, CancellationToken cancellation)
    {
        if (signing.Key is not { } key) return NoSigningKey();
        var stored = await digests.CreateAsync(key, cancellation);
        return TypedResults.Created("/api/v1/compliance/digests/latest", Response(stored));
    }

    private static async Task<Results<Ok<DigestResponse>, NotFound>> LatestDigest(DigestStore digests, CancellationToken cancellation) =>
        await digests.LatestAsync(cancellation) is { } latest ? TypedResults.Ok(Response(latest)) : TypedResults.NotFound();

    private static Results<ContentHttpResult, ProblemHttpResult> PublicKey(DigestSigningKey signing) =>
        signing.PublicKeyPem is { } pem ? TypedResults.Text(pem, "application/x-pem-file") : NoSigningKey();

    private static Results<PushStreamHttpResult, ProblemHttpResult> ExportStream(
        Guid streamId, HistoryExporter exporter, DigestSigningKey signing) =>
        signing.Key is { } key
            ? TypedResults.Stream(body => exporter.WriteStreamAsync(body, streamId, key), ExportContentType, $"stream-{streamId}.jsonl")
            : NoSigningKey();

    private static async Task<Results<PushStreamHttpResult, NotFound, ProblemHttpResult>> ExportCustomer(
        Guid customerId, HistoryExporter exporter, DigestSigningKey signing, CancellationToken cancellation)
    {
        if (signing.Key is not { } key) return NoSigningKey();
        if ((await exporter.CustomerStreamsAsync(customerId, cancellation)).Count == 0) return TypedResults.NotFound();
        return TypedResults.Stream(body => exporter.WriteCustomerAsync(body, customerId, key), ExportContentType, $"customer-{customerId}.jsonl");
    }

    private static DigestResponse Response(StoredDigest stored) =>
        new(stored.Id, stored.CreatedAt, stored.Digest.Document, stored.Digest.Signature, stored.Digest.Heads);

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }));

    private static ProblemHttpResult NoSigningKey() => TypedResults.Problem(Problems.Create(
        StatusCodes.Status503ServiceUnavailable, "urn:solarevents:problem:digest-key-missing", "Digest signing is not configured",
        "No digest signing key is configured (Compliance:Signing:PrivateKeyPem)."));
}
