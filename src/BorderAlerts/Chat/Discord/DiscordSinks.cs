using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>A Discord incoming webhook. Later reports of a story are one quiet line (webhooks cannot open threads).</summary>
public sealed class DiscordWebhookSink(Uri webhook, DiscordClient client) : IChatSink
{
    readonly Uri _url = Versioned(webhook);
    readonly string _bucket = "webhook:" + string.Join('/', webhook.Segments.TakeLast(2));

    public int MaxCardsPerMessage => DiscordEmbeds.MaxEmbeds;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var (body, thread) = message switch
        {
            ChatMessage.Cards cards => (DiscordMessages.Cards(cards.Items), null),
            ChatMessage.Reply reply => (DiscordMessages.AlsoReported(reply.Card), reply.ThreadId),
            ChatMessage.Digest digest => (DiscordMessages.Digest(digest), null),
            ChatMessage.Notice notice => (DiscordMessages.Notice(notice.Text), (string?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        var url = new Uri(_url + "?wait=true" + (thread is null ? "" : "&thread_id=" + Uri.EscapeDataString(thread)));
        return Post(url, body, thread, cancellationToken);
    }

    async Task<DeliveryOutcome> Post(Uri url, JsonObject body, string? thread, CancellationToken cancellationToken)
    {
        var outcome = await client.SendAsync(HttpMethod.Post, url, body, _bucket, null, cancellationToken);
        return outcome is DeliveryOutcome.Delivered ok && thread is not null ? ok with { ThreadId = thread } : outcome;
    }

    /// <summary>Webhook URLs are copied without an API version; Discord's default is old, so /v10 is added.</summary>
    static Uri Versioned(Uri webhook)
    {
        var text = webhook.GetLeftPart(UriPartial.Path);
        return new Uri(text.Contains("/api/webhooks/") ? text.Replace("/api/webhooks/", "/api/v10/webhooks/") : text);
    }
}

/// <summary>A channel posted to by the bot. Later reports of a story go into a thread started from its card.</summary>
public sealed class DiscordBotSink(Uri apiBase, string channelId, string token, DiscordClient client) : IChatSink
{
    public int MaxCardsPerMessage => DiscordEmbeds.MaxEmbeds;

    public async Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken) => message switch
    {
        ChatMessage.Cards cards => await Post(channelId, DiscordMessages.Cards(cards.Items, controls: true), cancellationToken),
        ChatMessage.Reply reply => await ReplyAsync(reply, cancellationToken),
        ChatMessage.Digest digest => await Post(channelId, DiscordMessages.Digest(digest), cancellationToken),
        ChatMessage.Notice notice => await Post(channelId, DiscordMessages.Notice(notice.Text), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    async Task<DeliveryOutcome> ReplyAsync(ChatMessage.Reply reply, CancellationToken cancellationToken)
    {
        var thread = reply.ThreadId;
        if (thread is null)
        {
            var name = TextCut.Truncate(ChatText.Defuse(reply.Card.Title), 100);
            var started = await client.SendAsync(HttpMethod.Post, Api($"channels/{channelId}/messages/{reply.ParentMessageId}/threads"),
                new JsonObject { ["name"] = name, ["auto_archive_duration"] = 1440 }, "channel:" + channelId, token, cancellationToken);
            if (started is not DeliveryOutcome.Delivered created) return started;
            thread = created.MessageId; // a thread is a channel; its id comes back as the object's id
        }
        var body = DiscordMessages.Cards([reply.Card with { Mention = null }], controls: true);
        var posted = await Post(thread, body, cancellationToken);
        return posted is DeliveryOutcome.Delivered ok ? ok with { ThreadId = thread } : posted;
    }

    Task<DeliveryOutcome> Post(string channel, JsonObject body, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, Api($"channels/{channel}/messages"), body, "channel:" + channel, token, cancellationToken);

    Uri Api(string path) => new(apiBase.ToString().TrimEnd('/') + "/" + path);
}
