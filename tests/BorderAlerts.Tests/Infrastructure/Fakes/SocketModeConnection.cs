using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// One Socket Mode WebSocket as Slack's side sees it. The test sends envelopes and disconnects and awaits acks; acks
/// are only counted on the socket the envelope went out on. An ack for an envelope this socket never sent, a second
/// ack, or a payload where accepts_response_payload was false is a violation, kept in <see cref="Violations"/>.
/// </summary>
public sealed class SocketModeConnection(WebSocket socket, int number)
{
    readonly SemaphoreSlim _sending = new(1, 1);
    readonly Dictionary<string, bool> _sent = new(StringComparer.Ordinal); // envelope id → accepts_response_payload
    readonly Journal<JsonElement> _acks = new();
    readonly Journal<string> _violations = new();
    readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number { get; } = number;

    public IReadOnlyList<JsonElement> Acks => _acks.Snapshot();

    public IReadOnlyList<string> Violations => _violations.Snapshot();

    /// <summary>Completes when the client closes the socket (or it drops).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Sends an envelope and returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, int retryAttempt = 0)
    {
        var id = Guid.NewGuid().ToString();
        lock (_sent) _sent[id] = acceptsResponsePayload;
        var envelope = new JsonObject
        {
            ["envelope_id"] = id, ["type"] = type, ["accepts_response_payload"] = acceptsResponsePayload, ["payload"] = payload.DeepClone(),
            ["retry_attempt"] = retryAttempt, ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        };
        await SendAsync(envelope, CancellationToken.None);
        return id;
    }

    /// <summary>The ack for <paramref name="envelopeId"/> received on this socket; fails the test at the deadline.</summary>
    public async Task<JsonElement> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null) =>
        (await _acks.WaitForAsync(1, timeout ?? TimeSpan.FromSeconds(30), a => a.GetProperty("envelope_id").GetString() == envelopeId,
            () => $"acks on socket {Number}: [{string.Join(", ", Acks)}]; violations: [{string.Join(" | ", Violations)}]"))[0];

    /// <summary>{"type":"disconnect","reason":…}: refresh_requested, warning, socket_mode_disabled, link_disabled.</summary>
    public Task SendDisconnectAsync(string reason) => SendAsync(new JsonObject
    {
        ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
    }, CancellationToken.None);

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Drop() => socket.Abort();

    internal Task SendHelloAsync(CancellationToken cancellationToken) => SendAsync(new JsonObject
    {
        ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKEAPP" },
        ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
    }, cancellationToken);

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await ReceiveAsync(cancellationToken) is { } text) Record(text);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        finally { _closed.TrySetResult(); }
    }

    void Record(string text)
    {
        JsonElement ack;
        try { ack = JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { _violations.Add($"not JSON: {text}"); return; }
        var id = ack.ValueKind == JsonValueKind.Object && ack.TryGetProperty("envelope_id", out var e) ? e.GetString() : null;
        bool accepts;
        lock (_sent)
        {
            if (id is null || !_sent.Remove(id, out accepts)) { _violations.Add($"ack for an envelope not sent on this socket (or acked twice): {text}"); return; }
        }
        if (!accepts && ack.TryGetProperty("payload", out _)) _violations.Add($"payload in the ack although accepts_response_payload was false: {text}");
        _acks.Add(ack);
    }

    async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken); }
        finally { _sending.Release(); }
    }

    async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}
