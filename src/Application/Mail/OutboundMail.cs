using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Mail;

/// <summary>
/// A message to one customer, waiting for <see cref="MailDelivery"/>. It is stored in the same transaction as the
/// change that needs it, so a mail goes out exactly when that change committed. Recipient and body are envelopes
/// sealed with the customer's data key (they hold an address and a one-time code); the row is deleted once sent.
/// </summary>
public sealed record OutboundMail
{
    public required Guid Id { get; init; }

    public required Guid RecipientId { get; init; }

    public required string SealedTo { get; init; }

    /// <summary>Plain text: a fixed phrase, never personal data.</summary>
    public required string Subject { get; init; }

    public required string SealedBody { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>Marten's optimistic-concurrency version: two API instances never both claim the same mail.</summary>
    public Guid Version { get; set; }

    /// <summary>Queues a mail in the caller's session; it is sent after that session commits.</summary>
    public static void Queue(IDocumentSession session, DataKey key, string sealedTo, string subject, string body, DateTimeOffset now) =>
        session.Store(new OutboundMail
        {
            Id = Guid.CreateVersion7(), RecipientId = key.SubjectId, SealedTo = sealedTo, Subject = subject, SealedBody = key.Seal(body),
            QueuedAt = now, NextAttemptAt = now,
        });

    internal static void Configure(StoreOptions options) =>
        options.Schema.For<OutboundMail>()
            .Index(m => m.NextAttemptAt)
            .UseOptimisticConcurrency(true)
            .Metadata(m => m.Version.MapTo(x => x.Version));
}
