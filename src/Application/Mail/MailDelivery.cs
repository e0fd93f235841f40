using JasperFx;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Mail;

/// <summary>
/// Sends queued <see cref="OutboundMail"/>: claims a due mail by pushing its next attempt out (optimistic
/// concurrency, so two instances never both send it), opens it, hands it to the transport and deletes it. A failed
/// attempt waits longer each time; a mail whose recipient was erased is dropped. Logs carry mail ids only.
/// </summary>
public sealed class MailDelivery(
    IDocumentStore store, PersonalDataKeys keys, IMailTransport transport, MailOptions options, TimeProvider clock,
    ILogger<MailDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Refuses to start without a way to send mail: codes nobody receives are worse than no start. (The schema
    /// step builds the same services but starts none, so it needs no mail settings.)</summary>
    public override Task StartAsync(CancellationToken cancellationToken) =>
        options.IsConfigured
            ? base.StartAsync(cancellationToken)
            : throw new InvalidOperationException(
                "Set Mail:SmtpHost (an SMTP relay) or Mail:PickupDirectory (a local spool) so customers receive their codes.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, clock);
        do
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Mail delivery could not read its queue ({Failure}); trying again shortly", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes one due mail through an attempt; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var due = await session.Query<OutboundMail>().Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).FirstOrDefaultAsync(cancellation);
        if (due is null) return false;
        var claimed = due with { Attempts = due.Attempts + 1, NextAttemptAt = now + WaitAfter(due.Attempts + 1) };
        session.Store(claimed);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return true; // another instance took it
        }

        if (await TrySendAsync(claimed, cancellation) || claimed.Attempts >= options.MaxAttempts) await DeleteAsync(claimed.Id, cancellation);
        return true;
    }

    private async Task<bool> TrySendAsync(OutboundMail mail, CancellationToken cancellation)
    {
        try
        {
            // The key may still be cached here after an erasure elsewhere: the store has the last word.
            if (await keys.IsDestroyedAsync(mail.RecipientId, cancellation))
                throw new PersonalDataUnreadableException(mail.RecipientId, PersonalDataFault.Erased);
            var to = await keys.OpenAsync(mail.SealedTo, cancellation);
            await transport.SendAsync(to, mail.Subject, await keys.OpenAsync(mail.SealedBody, cancellation), cancellation);
            logger.LogInformation("Mail {MailId} sent", mail.Id);
            return true;
        }
        catch (PersonalDataUnreadableException)
        {
            logger.LogInformation("Mail {MailId} dropped: its recipient's personal data is erased", mail.Id);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message may quote the address: only its type is logged.
            if (mail.Attempts >= options.MaxAttempts)
                logger.LogError("Mail {MailId} given up after {Attempts} attempts ({Failure})", mail.Id, mail.Attempts, e.GetType().Name);
            else
                logger.LogWarning("Mail {MailId} not sent ({Failure}); attempt {Attempts}, next at {NextAttemptAt}", mail.Id, e.GetType().Name, mail.Attempts, mail.NextAttemptAt);
            return false;
        }
    }

    private async Task DeleteAsync(Guid mailId, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Delete<OutboundMail>(mailId);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The claim doubles as a lease: if this instance dies mid-send, another tries after this wait.</summary>
    internal static TimeSpan WaitAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 20)), LongestWait.Ticks));
}
