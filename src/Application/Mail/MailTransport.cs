using System.Net;
using System.Net.Mail;

namespace SolarEvents.Application.Mail;

/// <summary>Hands one message to the mail system. A failure throws; <see cref="MailDelivery"/> tries again later.</summary>
public interface IMailTransport
{
    Task SendAsync(string recipient, string subject, string body, CancellationToken cancellation);
}

/// <summary>SMTP through the BCL client, or its pickup-directory mode. A client per message: it is not thread-safe.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(string recipient, string subject, string body, CancellationToken cancellation)
    {
        using var message = new MailMessage(new MailAddress(options.From).Address, recipient, subject, body);
        message.From = new MailAddress(options.From);
        using var client = string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? new SmtpClient(options.SmtpHost, options.SmtpPort)
            {
                EnableSsl = options.SmtpTls,
                Credentials = options.SmtpUserName is { Length: > 0 } user ? new NetworkCredential(user, options.SmtpPassword) : null,
            }
            : new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Directory.CreateDirectory(options.PickupDirectory).FullName,
            };
        await client.SendMailAsync(message, cancellation);
    }
}
