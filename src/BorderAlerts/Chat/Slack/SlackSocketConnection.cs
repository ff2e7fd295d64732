using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BorderAlerts.Chat.Slack;

public enum SlackSocketEnd { Refresh, Dropped, Final }

/// <summary>How one connection ended; <see cref="Healthy"/> when Slack had said hello on it.</summary>
public sealed record SlackSocketConnectionEnd(SlackSocketEnd Kind, string Reason, bool Healthy);

/// <summary>
/// One Socket Mode WebSocket. Every envelope is acknowledged on this socket (sends are one at a time, as the WebSocket
/// requires): a slash command's answer rides in the ack if it is ready within the ack deadline, else the ack goes
/// empty and the answer follows through response_url; interactive payloads are handed on after their empty ack;
/// events_api is acked and ignored; an envelope Slack re-sends is acked and not run again (<see cref="SlackRedeliveries"/>).
/// On disconnect the acks still owed are sent before the socket closes.
/// </summary>
sealed class SlackSocketConnection(Uri url, SlackSocketModeOptions options, SlackSocketHandlers handlers, SlackResponseUrl responseUrl,
    SlackRedeliveries redeliveries, ILogger logger)
{
    const int MaxMessageBytes = 4 * 1024 * 1024;
    static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);
    static readonly JsonObject Failed = new() { ["response_type"] = "ephemeral", ["text"] = "Sorry, that command failed; the details are in the BorderAlerts log." };

    readonly ClientWebSocket _socket = new();
    readonly SemaphoreSlim _sending = new(1, 1);
    readonly List<Task> _acksOwed = [];
    bool _hello;

    public async Task<SlackSocketConnectionEnd> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(ConnectLimit);
                await _socket.ConnectAsync(url, connecting.Token);
            }
            while (await ReceiveAsync(cancellationToken) is { } text)
            {
                switch (SlackSocketMessage.Parse(text))
                {
                    case SlackSocketMessage.Hello hello:
                        _hello = true;
                        logger.LogInformation("Slack Socket Mode connected (app {AppId})", hello.AppId ?? "unknown");
                        break;
                    case SlackSocketMessage.Disconnect disconnect:
                        await Task.WhenAll(_acksOwed);
                        await CloseAsync(cancellationToken);
                        return new(disconnect.Final ? SlackSocketEnd.Final : SlackSocketEnd.Refresh, disconnect.Reason, _hello);
                    case SlackSocketMessage.Envelope envelope:
                        _acksOwed.RemoveAll(t => t.IsCompleted);
                        _acksOwed.Add(HandleAsync(envelope, cancellationToken));
                        break;
                }
            }
            return new(SlackSocketEnd.Dropped, "Slack closed the connection", _hello);
        }
        catch (WebSocketException e)
        {
            return new(SlackSocketEnd.Dropped, $"WebSocket error {e.WebSocketErrorCode}", _hello);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(SlackSocketEnd.Dropped, $"no WebSocket within {ConnectLimit.TotalSeconds:0} s", _hello);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The message is the transport's own; the URL (it carries a ticket) is not part of it.
            return new(SlackSocketEnd.Dropped, $"{e.GetType().Name}: {e.Message}", _hello);
        }
        finally { _socket.Dispose(); }
    }

    async Task HandleAsync(SlackSocketMessage.Envelope envelope, CancellationToken cancellationToken)
    {
        if (!await redeliveries.FirstDeliveryAsync(SlackRedeliveries.KeyOf(envelope), cancellationToken))
        {
            logger.LogInformation("Slack Socket Mode: {Type} envelope re-sent (attempt {Attempt}) acknowledged, not run again", envelope.Type, envelope.RetryAttempt);
            await SendAsync(SlackSocketMessage.Ack(envelope.EnvelopeId, null), cancellationToken);
            return;
        }
        var command = envelope.Type == "slash_commands" ? SlackCommandEnvelope.FromPayload(envelope.Payload) : null;
        var answer = command is null ? null : await AnswerInTimeAsync(command, cancellationToken);
        var inAck = envelope.AcceptsResponsePayload ? answer : null;
        var acked = await SendAsync(SlackSocketMessage.Ack(envelope.EnvelopeId, inAck), cancellationToken);
        if (answer is not null && (!acked || inAck is null)) _ = responseUrl.PostAsync(command!.ResponseUrl, answer, cancellationToken);
        if (envelope.Type == "interactive") _ = Task.Run(() => InteractAsync(envelope.Payload, cancellationToken), CancellationToken.None);
    }

    /// <summary>The handler's answer if it is ready by the ack deadline; otherwise null now and the answer to response_url later.</summary>
    async Task<JsonObject?> AnswerInTimeAsync(SlackCommandEnvelope command, CancellationToken cancellationToken)
    {
        // Off the receive loop: store work can run synchronously, and the deadline must start now, not after it.
        var work = Task.Run(() => AnswerAsync(command, cancellationToken), CancellationToken.None);
        if (await Task.WhenAny(work, Task.Delay(options.AckDeadline, cancellationToken)) == work) return await work;
        _ = work.ContinueWith(t => t.Result is { } late ? responseUrl.PostAsync(command.ResponseUrl, late, cancellationToken) : Task.CompletedTask,
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
        return null;
    }

    async Task<JsonObject?> AnswerAsync(SlackCommandEnvelope command, CancellationToken cancellationToken)
    {
        try { return await handlers.SlashCommand(command, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Slack command {Command} failed", command.Command);
            return Failed;
        }
    }

    async Task InteractAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        try { await handlers.Interactive(payload, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Slack interaction {Type} failed", payload["type"]?.ToString() ?? "unknown");
        }
    }

    async Task<bool> SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogWarning("Slack Socket Mode could not acknowledge an envelope: the connection is gone");
            return false;
        }
        finally { _sending.Release(); }
    }

    /// <summary>One whole text message, or null when Slack closes the socket.</summary>
    async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            if (message.Length + result.Count > MaxMessageBytes) throw new WebSocketException(WebSocketError.Faulted, "message too large");
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0); // binary frames are not part of the protocol
        }
    }

    async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken); }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException) { }
        finally { _sending.Release(); }
    }
}
