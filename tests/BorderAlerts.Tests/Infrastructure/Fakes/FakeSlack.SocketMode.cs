using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Socket Mode (docs/platform-contracts.md §S6): POST /api/apps.connections.open with <c>Bearer {AppToken}</c> (not_authed,
/// invalid_auth, not_allowed_token_type for a bot token; HTTP 200 ok:false as Slack does) answers a one-time
/// ws://127.0.0.1:PORT/socket-mode/link/?ticket=… URL; the WebSocket there sends hello and becomes a
/// <see cref="SocketModeConnection"/> the test drives (envelopes, acks, disconnect).
/// </summary>
public sealed partial class FakeSlack
{
    readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    readonly Journal<SocketModeConnection> _sockets = new();
    int _opens;

    /// <summary>The app-level token apps.connections.open accepts.</summary>
    public string AppToken { get; set; } = "xapp-1-A0FAKEAPP-1-fake-app-token";

    /// <summary>apps.connections.open calls, successful or not.</summary>
    public int ConnectionOpens => Volatile.Read(ref _opens);

    /// <summary>Sockets accepted so far, oldest first.</summary>
    public IReadOnlyList<SocketModeConnection> Sockets => _sockets.Snapshot();

    /// <summary>Waits for the <paramref name="number"/>th socket (1-based) to be connected and greeted.</summary>
    public async Task<SocketModeConnection> WaitForSocketAsync(int number, TimeSpan? timeout = null) =>
        (await _sockets.WaitForAsync(number, timeout ?? TimeSpan.FromSeconds(30), null, Describe))[number - 1];

    /// <summary>
    /// A slash_commands payload with the fields of docs/platform-contracts.md §S1 (and a response_url from
    /// <see cref="ResponseUrl"/>).
    /// </summary>
    public JsonObject SlashCommandPayload(string command, string text, string user = "U0ADMIN", string channel = "C0CHAT") => new()
    {
        ["token"] = "deprecated-verification-token", ["team_id"] = "T0FAKE", ["team_domain"] = "fake", ["channel_id"] = channel,
        ["channel_name"] = "border-watch", ["user_id"] = user, ["user_name"] = "analyst", ["command"] = command, ["text"] = text,
        ["api_app_id"] = "A0FAKEAPP", ["is_enterprise_install"] = "false", ["response_url"] = ResponseUrl().ToString(),
        ["trigger_id"] = $"{Random.Shared.NextInt64(1, long.MaxValue)}.1.fake",
    };

    void MapSocketMode(WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", OpenConnectionAsync);
        app.MapGet("/socket-mode/link", context => AcceptSocketAsync(context, app.Lifetime.ApplicationStopping));
    }

    async Task OpenConnectionAsync(HttpContext context)
    {
        Interlocked.Increment(ref _opens);
        if (_faults.TryDequeue(out var fault) && await fault.ApplyToApiAsync(context)) return;
        var authorization = FakeHost.Header(context.Request, "Authorization");
        var error = authorization is null ? "not_authed"
            : authorization.StartsWith("Bearer xoxb-", StringComparison.Ordinal) ? "not_allowed_token_type"
            : authorization != $"Bearer {AppToken}" ? "invalid_auth" : null;
        if (error is not null)
        {
            RecordRejection(context, 200, error, ["Authorization is not \"Bearer <configured xapp token>\""], "");
            await FakeReply.JsonAsync(context, 200, SlackFault.Failure(error));
            return;
        }
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = false;
        var url = $"ws://{_host.BaseAddress.Authority}/socket-mode/link/?ticket={ticket}&app_id=A0FAKEAPP";
        await FakeReply.JsonAsync(context, 200, new JsonObject { ["ok"] = true, ["url"] = url });
    }

    async Task AcceptSocketAsync(HttpContext context, CancellationToken stopping)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryUpdate(ticket, true, false))
        {
            await FakeReply.TextAsync(context, context.WebSockets.IsWebSocketRequest ? 401 : 400, "invalid or used ticket");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketModeConnection(socket, _sockets.Count + 1);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        await connection.SendHelloAsync(done.Token);
        _sockets.Add(connection);
        await connection.RunAsync(done.Token);
    }
}
