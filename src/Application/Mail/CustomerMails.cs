using SolarEvents.Application.Identity.Credentials;
using SolarEvents.Application.PersonalData;

namespace SolarEvents.Application.Mail;

/// <summary>The mails that carry a one-time code. Subjects are fixed phrases (they are stored in the clear); the
/// body with the code is sealed like any personal value.</summary>
public static class CustomerMails
{
    public const string VerificationSubject = "Confirm your email address for SolarEvents";
    public const string PasswordResetSubject = "Your SolarEvents password reset code";

    /// <summary>Queues the mail in the caller's session and returns the code's stored form for the credential.</summary>
    public static MailedCode QueueVerification(IDocumentSession session, DataKey key, string sealedTo, TimeSpan validFor, DateTimeOffset now) =>
        QueueWithCode(session, key, sealedTo, VerificationSubject, now, validFor, code =>
            $"""
            Welcome to SolarEvents.

            Your code to confirm this email address: {code}
            Enter it in the app within {validFor.TotalHours:0} hours.

            If you did not create a SolarEvents account, ignore this message.
            """);

    public static MailedCode QueuePasswordReset(IDocumentSession session, DataKey key, string sealedTo, TimeSpan validFor, DateTimeOffset now) =>
        QueueWithCode(session, key, sealedTo, PasswordResetSubject, now, validFor, code =>
            $"""
            Someone asked to reset the password of the SolarEvents account with this email address.

            Your reset code: {code}
            It works once, within {validFor.TotalMinutes:0} minutes.

            If it was not you, ignore this message: your password stays as it is.
            """);

    private static MailedCode QueueWithCode(
        IDocumentSession session, DataKey key, string sealedTo, string subject, DateTimeOffset now, TimeSpan validFor, Func<string, string> body)
    {
        var (code, stored) = MailedCode.New(now + validFor);
        OutboundMail.Queue(session, key, sealedTo, subject, body(code), now);
        return stored;
    }
}
