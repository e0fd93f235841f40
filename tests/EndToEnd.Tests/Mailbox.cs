using System.Text.RegularExpressions;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>The mail the API sent, read from its pickup directory (.eml files, as a relay would receive them).</summary>
public static partial class Mailbox
{
    public sealed record Mail(string To, string Subject, string Body, DateTime WrittenAt);

    public static IReadOnlyList<Mail> To(SolarEventsApp app, string email) =>
        !Directory.Exists(app.MailDirectory)
            ? []
            : [.. Directory.GetFiles(app.MailDirectory, "*.eml").Select(Read).Where(m => m.To.Equals(email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.WrittenAt)];

    /// <summary>Waits (up to 15 s) until <paramref name="count"/> mails with that subject reached the address; returns the newest.</summary>
    public static async Task<Mail> WaitForAsync(SolarEventsApp app, string email, string subject, int count = 1)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            var mails = To(app, email).Where(m => m.Subject == subject).ToList();
            if (mails.Count >= count) return mails[^1];
            Assert.True(waited < TimeSpan.FromSeconds(15), $"{mails.Count} of {count} mails \"{subject}\" arrived");
            await Task.Delay(100);
        }
    }

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
