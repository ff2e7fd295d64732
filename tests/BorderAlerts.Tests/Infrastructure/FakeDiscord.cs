using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A Discord REST API on a real Kestrel server (127.0.0.1, OS-chosen port) that enforces the contract in
/// docs/platform-contracts.md: execute/edit webhook messages (§D1), message and embed limits (§D1a), allowed_mentions
/// always sent (§D2), bot Create and Edit Message with Bot token and DiscordBot User-Agent, replies and threads (§D2b), per-webhook
/// and per-channel buckets with X-RateLimit-* headers and 429s (§D3). Every contract violation is answered as Discord
/// would and kept in <see cref="Rejected"/>; scripted faults (<see cref="Script"/>) play 429s, 401/403/404 and 5xx.
/// Use as <c>IClassFixture&lt;FakeDiscord&gt;</c>; give each test its own webhook id or channel, or call <see cref="Reset"/>.
/// </summary>
public sealed partial class FakeDiscord : IAsyncLifetime
{
    const string WebhookBucket = "4f1d0c5e9b2a8d7c6e3f0a1b2c3d4e5f", ChannelBucket = "80c17d2f349e1a5b6c7d8e9f0a1b2c3d",
        ThreadBucket = "2b9e6a1c5d8f3e7a0b4c9d2e6f1a5b8c",
        EditBucket = "6d3a9f1e2c5b8a7d0e4f1c9b3a6d2e8f";

    sealed class Webhook(string id, string token, string channelId)
    {
        public string Id { get; } = id;
        public string ChannelId { get; } = channelId;
        public volatile string Token = token;
        public volatile bool Deleted;
    }

    readonly FakeHost _host = new();
    readonly ConcurrentDictionary<string, Webhook> _webhooks = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string?> _channels = new(StringComparer.Ordinal); // id → parent channel (threads)
    readonly ConcurrentDictionary<string, ReceivedDiscordMessage> _byId = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<DiscordFault> _faults = new();
    readonly Journal<ReceivedDiscordMessage> _messages = new(), _edits = new();
    readonly Journal<RejectedRequest> _rejected = new();
    readonly Journal<DiscordThread> _threads = new();
    readonly Snowflakes _ids = new();
    readonly FixedWindowBuckets _buckets;

    public FakeDiscord() => _buckets = new FixedWindowBuckets(() => BucketLimit, () => BucketWindow);

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>http://127.0.0.1:PORT/api/v10</summary>
    public Uri ApiBase => new(_host.BaseAddress, "/api/v10");

    /// <summary>The token <c>Authorization: Bot …</c> must carry on channel routes.</summary>
    public string BotToken { get; set; } = "fake-bot-token";

    /// <summary>Requests per bucket window, per webhook and per channel (Discord's webhooks: about 5 per 2 s).</summary>
    public int BucketLimit { get; set; } = 5;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<ReceivedDiscordMessage> Messages => _messages.Snapshot();

    /// <summary>Accepted edits (PATCH …/messages/{id}, webhook or bot); the Id is the edited message's.</summary>
    public IReadOnlyList<ReceivedDiscordMessage> Edits => _edits.Snapshot();

    /// <summary>Requests refused for breaking the contract (bad body, limits, token, User-Agent). Scripted faults and unknown webhooks are not here.</summary>
    public IReadOnlyList<RejectedRequest> Rejected => _rejected.Snapshot();

    public IReadOnlyList<DiscordThread> Threads => _threads.Snapshot();

    /// <summary>Every request with the status it got, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => _host.Requests.Snapshot();

    public int TooManyRequests => Requests.Count(r => r.Status == 429);

    /// <summary>
    /// 401, 403 and 429 answers: what Discord counts toward its 10,000 per 10 minutes ban
    /// (docs/platform-contracts.md §D3).
    /// </summary>
    public int InvalidRequests => Requests.Count(r => r.Status is 401 or 403 or 429);

    /// <summary>Registers (or re-tokens) a webhook and returns {ApiBase}/webhooks/{id}/{token}.</summary>
    public Uri WebhookUrl(string id = "123", string token = "tok") => AddWebhook(id, token);

    public Uri AddWebhook(string id, string token, string? channelId = null)
    {
        var hook = _webhooks.GetOrAdd(id, _ => new Webhook(id, token, channelId ?? _ids.Next()));
        hook.Token = token;
        return new Uri($"{ApiBase}/webhooks/{id}/{token}");
    }

    /// <summary>From now on the webhook answers 404 Unknown Webhook, as a deleted one does.</summary>
    public void DeleteWebhook(string id) => _webhooks.GetOrAdd(id, _ => new Webhook(id, "", _ids.Next())).Deleted = true;

    /// <summary>Deletes a message, as a moderator does: later requests naming it get 404 Unknown Message.</summary>
    public void DeleteMessage(string id) => _byId.TryRemove(id, out _);

    /// <summary>A channel the bot may post to through POST /channels/{id}/messages.</summary>
    public void AddChannel(string id) => _channels.TryAdd(id, null);

    /// <summary>Queues faults; each is consumed by the next request to any route.</summary>
    public void Script(params DiscordFault[] faults)
    {
        foreach (var fault in faults) _faults.Enqueue(fault);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages (matching <paramref name="where"/>, if given) arrived; fails the test at the deadline.</summary>
    public Task<IReadOnlyList<ReceivedDiscordMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, Func<ReceivedDiscordMessage, bool>? where = null) =>
        _messages.WaitForAsync(count, timeout, where, Describe);

    /// <summary>Forgets messages, rejections, threads, the log, faults and buckets; webhooks and channels stay.</summary>
    public void Reset()
    {
        _messages.Clear(); _edits.Clear(); _rejected.Clear(); _threads.Clear(); _host.Requests.Clear(); _byId.Clear();
        _faults.Clear();
        _buckets.Clear();
    }

    public Task InitializeAsync() => _host.StartAsync(MapRoutes);

    public Task DisposeAsync() => _host.StopAsync();

    void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/v10/webhooks/{id}/{token}", ExecuteWebhookAsync);
        app.MapPatch("/api/v10/webhooks/{id}/{token}/messages/{messageId}", EditWebhookMessageAsync);
        app.MapPost("/api/v10/channels/{channel}/messages", CreateMessageAsync);
        app.MapPatch("/api/v10/channels/{channel}/messages/{messageId}", EditMessageAsync);
        app.MapPost("/api/v10/channels/{channel}/messages/{messageId}/threads", StartThreadAsync);
        MapCommandRoutes(app);
        app.MapFallback(context => FakeReply.JsonAsync(context, 404, DiscordFault.Error(0, "404: Not Found")));
    }

    /// <summary>A scripted fault, then the bucket: false when the request has been answered already.</summary>
    async Task<bool> PassLimitsAsync(HttpContext context, string key, string bucket)
    {
        if (_faults.TryDequeue(out var fault) && await fault.ApplyAsync(context, _buckets.Peek(key, bucket))) return false;
        var state = _buckets.Take(key, bucket);
        state.WriteHeaders(context.Response);
        if (state.Allowed) return true;
        DiscordFault.WriteRateLimitHeaders(context.Response, state.ResetAfter, "user");
        await FakeReply.JsonAsync(context, 429, DiscordFault.RateLimitBody("You are being rate limited.", state.ResetAfter, global: false));
        return false;
    }

    /// <summary>Reads a JSON body and applies the message rules; null when the request has been refused.</summary>
    async Task<JsonElement?> ReadMessageAsync(HttpContext context)
    {
        var multipart = context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal);
        if (!FakeHost.IsJson(context.Request) && !multipart)
        {
            await RejectAsync(context, 400, DiscordFault.Error(50035, "Invalid Form Body"), ["Content-Type is not application/json nor multipart/form-data"], "");
            return null;
        }
        var (json, raw) = multipart ? await ReadMultipartAsync(context) : await FakeHost.ReadJsonAsync(context.Request);
        if (multipart && json is null) return null; // refused, and answered, by the form's rules
        if (json is not { } body)
        {
            await RejectAsync(context, 400, DiscordFault.Error(50109, "The request body contains invalid JSON."), ["invalid JSON"], raw);
            return null;
        }
        var errors = DiscordPayloadRules.Validate(body, out var empty);
        foreach (var problem in AttachmentProblems(body, FilesOf(context))) errors.Add("attachments", "ATTACHMENT_NOT_FOUND", problem);
        if (errors.Any)
        {
            var problem = DiscordFault.Error(50035, "Invalid Form Body");
            problem["errors"] = errors.Tree;
            await RejectAsync(context, 400, problem, errors.Lines, raw);
            return null;
        }
        if (!empty) return body;
        await RejectAsync(context, 400, DiscordFault.Error(50006, "Cannot send an empty message"), ["no content, embeds, components or poll"], raw);
        return null;
    }

    Task RejectAsync(HttpContext context, int status, JsonObject body, IReadOnlyList<string> violations, string raw)
    {
        _rejected.Add(new RejectedRequest(context.Request.Method, context.Request.Path.Value ?? "", status,
            $"{body["code"]} {body["message"]}", violations, raw));
        return FakeReply.JsonAsync(context, status, body);
    }

    /// <summary>Keeps an accepted message, with the files its request uploaded.</summary>
    ReceivedDiscordMessage Record(ReceivedDiscordMessage message, HttpContext context)
    {
        message = message with { Files = FilesOf(context) };
        _byId[message.Id] = message;
        _messages.Add(message);
        return message;
    }

    string Describe() =>
        $"Rejected: [{string.Join(" | ", Rejected)}]. Last requests: [{string.Join(", ", Requests.TakeLast(10).Select(r => $"{r.Method} {r.Path}{r.Query} → {r.Status}"))}]";
}
