using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Slack's Web API (chat.postMessage, chat.update) and incoming webhooks on a real Kestrel server (127.0.0.1,
/// OS-chosen port), enforcing docs/platform-contracts.md §S3–§S5: Bearer xoxb token, JSON body, known channel the bot
/// is in, text or blocks, Block Kit limits, and about one message per second per channel (429 + Retry-After). The Web
/// API answers errors as HTTP 200 <c>{"ok":false,"error":…}</c>; webhooks as plain text with a status. Contract
/// violations are kept in <see cref="Rejected"/>; <see cref="Script"/> queues faults for the next requests.
/// Use as <c>IClassFixture&lt;FakeSlack&gt;</c>; give each test its own channel or webhook, or call <see cref="Reset"/>.
/// </summary>
public sealed partial class FakeSlack : IAsyncLifetime
{
    readonly FakeHost _host = new();
    readonly ConcurrentDictionary<string, SlackChannel> _channels = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, SlackHook> _hooks = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(string Channel, string Ts), ReceivedSlackMessage> _byTs = new();
    readonly ConcurrentQueue<SlackFault> _faults = new();
    readonly Journal<ReceivedSlackMessage> _messages = new(), _updates = new();
    readonly Journal<RejectedRequest> _rejected = new();
    readonly SlackClock _clock = new();
    readonly PacedBuckets _pace;
    int _hookCount;

    public FakeSlack() => _pace = new PacedBuckets(() => MessageInterval, () => Burst);

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>http://127.0.0.1:PORT/api/ (methods are relative: new Uri(ApiBase, "chat.postMessage")).</summary>
    public Uri ApiBase => new(_host.BaseAddress, "/api/");

    /// <summary>The token <c>Authorization: Bearer …</c> must carry.</summary>
    public string BotToken { get; set; } = "xoxb-fake-bot-token";

    /// <summary>Per channel: <see cref="Burst"/> messages at once, then one per interval (Slack: 1 per second).</summary>
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int Burst { get; set; } = 1;

    /// <summary>Messages posted by chat.postMessage and incoming webhooks, in arrival order.</summary>
    public IReadOnlyList<ReceivedSlackMessage> Messages => _messages.Snapshot();

    /// <summary>Accepted chat.update calls (Ts is the updated message's).</summary>
    public IReadOnlyList<ReceivedSlackMessage> Updates => _updates.Snapshot();

    /// <summary>Requests refused for breaking the contract (auth, JSON, no_text, blocks, length). Scripted faults and channel errors are not here.</summary>
    public IReadOnlyList<RejectedRequest> Rejected => _rejected.Snapshot();

    public IReadOnlyList<LoggedRequest> Requests => _host.Requests.Snapshot();

    public int TooManyRequests => Requests.Count(r => r.Status == 429);

    /// <summary>A channel for chat.postMessage; <paramref name="member"/>: false answers not_in_channel.</summary>
    public void AddChannel(string id, bool member = true, bool archived = false) => _channels[id] = new SlackChannel(id, member, archived);

    /// <summary>Registers an active webhook at this path (if new) and returns http://127.0.0.1:PORT/services/{path}.</summary>
    public Uri WebhookUrl(string path = "T000/B000/XXXX")
    {
        _hooks.GetOrAdd(path, p => new SlackHook(p, NewHookChannel(), SlackHookStatus.Active));
        return new Uri(_host.BaseAddress, $"/services/{path}");
    }

    /// <summary>Registers or replaces a webhook: Archived answers 410 channel_is_archived, Prohibited 403 action_prohibited.</summary>
    public Uri AddWebhook(string path, string? channel = null, SlackHookStatus status = SlackHookStatus.Active)
    {
        _hooks[path] = new SlackHook(path, channel ?? NewHookChannel(), status);
        return new Uri(_host.BaseAddress, $"/services/{path}");
    }

    /// <summary>From now on the webhook answers 404 channel_not_found.</summary>
    public void RemoveWebhook(string path) => _hooks.TryRemove(path, out _);

    public void Script(params SlackFault[] faults)
    {
        foreach (var fault in faults) _faults.Enqueue(fault);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages (matching <paramref name="where"/>, if given) arrived; fails the test at the deadline.</summary>
    public Task<IReadOnlyList<ReceivedSlackMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, Func<ReceivedSlackMessage, bool>? where = null) =>
        _messages.WaitForAsync(count, timeout, where, Describe);

    /// <summary>Forgets messages, rejections, the log, faults and pacing; channels and webhooks stay.</summary>
    public void Reset()
    {
        _messages.Clear(); _updates.Clear(); _rejected.Clear(); _host.Requests.Clear(); _byTs.Clear();
        _faults.Clear();
        _pace.Clear();
    }

    public Task InitializeAsync() => _host.StartAsync(MapRoutes);

    public Task DisposeAsync() => _host.StopAsync();

    void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/chat.postMessage", PostMessageAsync);
        app.MapPost("/api/chat.update", UpdateAsync);
        app.MapPost("/services/{**path}", WebhookAsync);
        MapSocketMode(app);
        MapResponseUrls(app);
        MapFileRoutes(app);
        app.MapFallback(context => FakeReply.JsonAsync(context, 404, SlackFault.Failure("unknown_method")));
    }

    ReceivedSlackMessage Record(ReceivedSlackMessage message)
    {
        _byTs[(message.Channel, message.Ts)] = message;
        _messages.Add(message);
        return message;
    }

    void RecordRejection(HttpContext context, int status, string error, IReadOnlyList<string> violations, string raw) =>
        _rejected.Add(new RejectedRequest(context.Request.Method, context.Request.Path.Value ?? "", status, error, violations, raw));

    string NewHookChannel() => $"C0HOOK{Interlocked.Increment(ref _hookCount):D3}";

    string Describe() =>
        $"Rejected: [{string.Join(" | ", Rejected)}]. Last requests: [{string.Join(", ", Requests.TakeLast(10).Select(r => $"{r.Method} {r.Path} → {r.Status}"))}]";
}
