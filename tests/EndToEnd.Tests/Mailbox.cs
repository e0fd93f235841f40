using System.Text.RegularExpressions;
using SolarEvents.TestSupport;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>The mail the API sent, read from its pickup directory (.eml files, as a relay would receive them).</summary>
public static partial class Mailbox
{
    public sealed record Mail(string To, string Subject, string Body, DateTime WrittenAt);

    /// <summary>Files written in the last 100 ms are left for the next look: the API may still be writing them.</summary>
    public static IReadOnlyList<Mail> To(SolarEventsApp app, string email) =>
        !Directory.Exists(app.MailDirectory)
            ? []
            : [.. Directory.GetFiles(app.MailDirectory, "*.eml")
                .Where(path => File.GetLastWriteTimeUtc(path) < DateTime.UtcNow.AddMilliseconds(-100))
                .Select(Read).Where(m => m.To.Equals(email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.WrittenAt)];

    /// <summary>Waits until <paramref name="count"/> mails with that subject reached the address; returns the newest.</summary>
    public static Task<Mail> WaitForAsync(SolarEventsApp app, string email, string subject, int count = 1) =>
        Eventually.Until(() =>
        {
            var mails = To(app, email).Where(m => m.Subject == subject).ToList();
            return Task.FromResult(mails.Count >= count ? mails[^1] : null);
        }, what: $"{count} mails \"{subject}\"");

    /// <summary>The one-time code in a mail (xxxxx-xxxxx).</summary>
    public static string CodeIn(Mail mail) => Code().Match(mail.Body) is { Success: true } match
        ? match.Value
        : throw new InvalidOperationException("The mail carries no code.");

    private static Mail Read(string path)
    {
        var text = File.ReadAllText(path);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = text[..split];
        return new Mail(Header(headers, "To"), Header(headers, "Subject"), QuotedPrintable(text[(split + 4)..]), File.GetLastWriteTimeUtc(path));
    }

    /// <summary>The body as written: soft line breaks joined, =XX escapes turned back into their characters.</summary>
    private static string QuotedPrintable(string body) =>
        Escape().Replace(body.Replace("=\r\n", "", StringComparison.Ordinal), m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());

    private static string Header(string headers, string name) =>
        Regex.Match(headers, $"^{name}: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

    [GeneratedRegex(@"\b[a-z2-9]{5}-[a-z2-9]{5}\b")]
    private static partial Regex Code();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex Escape();
}
