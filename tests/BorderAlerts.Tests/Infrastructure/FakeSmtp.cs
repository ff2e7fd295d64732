using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A mail the fake SMTP server accepted: the envelope and the message as sent (dot-stuffing undone).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, byte[] Data);

/// <summary>
/// An SMTP server on loopback (RFC 5321, the part a client needs): greeting, EHLO (advertising SIZE and AUTH PLAIN) or HELO,
/// STARTTLS when a <see cref="Certificate"/> is set, AUTH PLAIN against <see cref="User"/>/<see cref="Password"/> when set (MAIL before it: 530), MAIL FROM, RCPT TO, DATA
/// with dot-stuffing, RSET, NOOP, QUIT; commands out of order get 503, unknown ones 502, a message over
/// <see cref="MaxBytes"/> 552. <see cref="Script"/> queues replies to the next RCPT TO (451 to retry, 550 to refuse).
/// </summary>
public sealed class FakeSmtp : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly ConcurrentQueue<string> _rcptReplies = new();
    readonly Task _accepting;

    public FakeSmtp()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string? User { get; set; }
    public string? Password { get; set; }
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>When set, EHLO offers STARTTLS and the connection goes on over TLS with this (self-signed) certificate.</summary>
    public X509Certificate2? Certificate { get; set; }
    /// <summary>AUTH commands received, and those of them on a connection without TLS (a password sent in clear).</summary>
    public int SignIns => _signIns;
    public int SignInsInClear => _signInsInClear;
    int _signIns, _signInsInClear;
    public ConcurrentQueue<ReceivedMail> Mails { get; } = new();

    /// <summary>RCPT TO commands received, scripted replies included: one per delivery attempt of a one-recipient mail.</summary>
    public int Recipients => _recipients;
    int _recipients;

    /// <summary>Replies (such as "451 4.3.0 try later") for the next RCPT TO commands, one each.</summary>
    public void Script(params string[] replies)
    {
        foreach (var reply in replies) _rcptReplies.Enqueue(reply);
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var session = new SmtpSession(this, secure: false);
        await writer.WriteLineAsync("220 fake.smtp ESMTP");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase) && Certificate is { } certificate && !session.Secure)
                {
                    await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(certificate);
                    (reader, writer) = (new StreamReader(tls, Encoding.Latin1), new StreamWriter(tls, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true });
                    session = new SmtpSession(this, secure: true); // RFC 3207: the client starts over with EHLO
                    continue;
                }
                var reply = line.Equals("DATA", StringComparison.OrdinalIgnoreCase) && session.ReadyForData
                    ? await session.DataAsync(reader, writer, _stop.Token) : session.Command(line);
                await writer.WriteLineAsync(reply);
                if (reply.StartsWith("221")) return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException) { }
    }

    /// <summary>A self-signed certificate for 127.0.0.1, for <see cref="Certificate"/>; a client pins it by its hash.</summary>
    public static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }

    /// <summary>One connection's state: greeted, signed in, the envelope so far.</summary>
    sealed class SmtpSession(FakeSmtp server, bool secure)
    {
        public bool Secure => secure;
        bool _greeted, _signedIn;
        string? _from;
        readonly List<string> _to = [];

        public bool ReadyForData => _from is not null && _to.Count > 0;

        public string Command(string line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO":
                    _greeted = true;
                    return $"250-fake.smtp\r\n250-SIZE {server.MaxBytes}\r\n250-8BITMIME\r\n" + (server.Certificate is not null && !secure ? "250-STARTTLS\r\n" : "")
                        + (server.User is null ? "250 HELP" : "250 AUTH PLAIN");
                case "HELO": _greeted = true; return "250 fake.smtp";
                case "AUTH":
                    Interlocked.Increment(ref server._signIns);
                    if (!secure) Interlocked.Increment(ref server._signInsInClear);
                    var plain = argument.StartsWith("PLAIN ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetString(Convert.FromBase64String(argument[6..])) : "";
                    _signedIn = plain == $"\0{server.User}\0{server.Password}";
                    return _signedIn ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid";
                case "MAIL" when !_greeted: return "503 5.5.1 EHLO first";
                case "MAIL" when server.User is not null && !_signedIn: return "530 5.7.0 Authentication required";
                case "MAIL":
                    if (System.Text.RegularExpressions.Regex.Match(argument, @"SIZE=(\d+)") is { Success: true } size && long.Parse(size.Groups[1].Value) > server.MaxBytes)
                        return "552 5.3.4 Message size exceeds fixed limit";
                    _from = Address(argument);
                    _to.Clear();
                    return "250 2.1.0 OK";
                case "RCPT" when _from is null: return "503 5.5.1 MAIL first";
                case "RCPT":
                    Interlocked.Increment(ref server._recipients);
                    if (server._rcptReplies.TryDequeue(out var scripted)) return scripted;
                    _to.Add(Address(argument));
                    return "250 2.1.5 OK";
                case "DATA": return "503 5.5.1 RCPT first";
                case "RSET": _from = null; _to.Clear(); return "250 2.0.0 OK";
                case "NOOP": return "250 2.0.0 OK";
                case "QUIT": return "221 2.0.0 Bye";
                default: return "502 5.5.2 Command not recognized";
            }
        }

        public async Task<string> DataAsync(StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
        {
            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            var bytes = Encoding.Latin1.GetBytes(data.ToString());
            var reply = bytes.Length > server.MaxBytes ? "552 5.3.4 Message size exceeds fixed limit" : "250 2.0.0 Queued";
            if (bytes.Length <= server.MaxBytes) server.Mails.Enqueue(new ReceivedMail(_from!, [.. _to], bytes));
            _from = null;
            _to.Clear();
            return reply;
        }

        static string Address(string argument) => argument[(argument.IndexOf('<') + 1)..argument.IndexOf('>')];
    }
}
