using BorderAlerts.Core.Delivery;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BorderAlerts.Chat.Email;

/// <summary>
/// An email destination: each message one mail over SMTP (MailKit), to <c>smtp://[user@]host[:port]</c> (STARTTLS when
/// the server offers it, and required when there is a password: it is never sent in clear) or <c>smtps://…</c> (TLS from
/// the start), signed in with the user and <c>Token</c> as password when given. SMTP's answers map in <see cref="Outcome"/>:
/// 4xx and network trouble retry, 5xx and a refused sign-in are permanent. The password never appears in an outcome.
/// </summary>
/// <param name="checkCertificate">Replaces the system's certificate check (tests pin their server's certificate); null: the system's.</param>
public sealed class EmailSink(Uri server, MailboxAddress from, IReadOnlyList<MailboxAddress> to, string? password, DeliveryOptions options,
    System.Net.Security.RemoteCertificateValidationCallback? checkCertificate = null) : IChatSink
{
    const string NoStartTls = "the mail server offers no STARTTLS, so the password was not sent in clear: use smtps:// or a server that offers STARTTLS";

    public int MaxCardsPerMessage => 10;

    public async Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var mail = EmailMessages.Of(message, from, to);
        using var smtp = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (checkCertificate is not null) smtp.ServerCertificateValidationCallback = checkCertificate;
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect
            : string.IsNullOrEmpty(password) ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls;
        try
        {
            await smtp.ConnectAsync(server.Host, server.IsDefaultPort ? (server.Scheme == "smtps" ? 465 : 587) : server.Port, security, cancellationToken);
            if (Uri.UnescapeDataString(server.UserInfo) is { Length: > 0 } user) await smtp.AuthenticateAsync(user, password ?? "", cancellationToken);
            await smtp.SendAsync(mail, cancellationToken);
            await smtp.DisconnectAsync(true, cancellationToken);
            return new DeliveryOutcome.Delivered(mail.MessageId ?? "sent");
        }
        catch (NotSupportedException) when (security == SecureSocketOptions.StartTls && !smtp.IsSecure) { return new DeliveryOutcome.Permanent(NoStartTls); }
        catch (Exception e) when (Outcome(e) is { } outcome && !cancellationToken.IsCancellationRequested) { return outcome; }
    }

    /// <summary>What an SMTP failure means; null for a bug, which is not caught.</summary>
    public static DeliveryOutcome? Outcome(Exception e) => e switch
    {
        SmtpCommandException { StatusCode: var code } when (int)code >= 500 => new DeliveryOutcome.Permanent($"SMTP {(int)code} {e.Message}") { Status = (int)code },
        SmtpCommandException { StatusCode: var code } => new DeliveryOutcome.Retryable($"SMTP {(int)code} {e.Message}"),
        AuthenticationException => new DeliveryOutcome.Permanent("SMTP sign-in refused"),
        SslHandshakeException => new DeliveryOutcome.Permanent("SMTP TLS handshake failed"),
        SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException
            => new DeliveryOutcome.Retryable($"SMTP unreachable: {e.GetType().Name}"),
        _ => null,
    };
}
