using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// A Discord incoming webhook. Later reports of a story are one quiet line (webhooks cannot open threads). Its card
/// messages can be edited (Edit Webhook Message; no bot token, the webhook's own token is in the path).
/// </summary>
public sealed class DiscordWebhookSink(Uri webhook, DiscordClient client) : IChatSink, IEditableSink
{
    readonly Uri _url = Versioned(webhook);
    readonly string _bucket = "webhook:" + string.Join('/', webhook.Segments.TakeLast(2));

    public int MaxCardsPerMessage => DiscordEmbeds.MaxEmbeds;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (message is ChatMessage.Report { Content.Image: { } image } report)
            return client.SendWithFileAsync(new Uri(_url + "?wait=true"), DiscordReports.Payload(report.Content), image, _bucket, null, cancellationToken);
        var (body, thread) = Render(message);
        var url = new Uri(_url + "?wait=true" + (thread is null ? "" : "&thread_id=" + Uri.EscapeDataString(thread)));
        return Post(url, body, thread, cancellationToken);
    }

    /// <summary>A reply is one line without the card: only card messages show what an edit changes.</summary>
    public bool CanEdit(DeliveryKind kind) => kind == DeliveryKind.Card;

    /// <summary>PATCH /webhooks/{id}/{token}/messages/{message}, with thread_id for a message in a thread.</summary>
    public Task<DeliveryOutcome> EditAsync(SentMessage sent, ChatMessage message, CancellationToken cancellationToken)
    {
        var url = new Uri(_url + "/messages/" + Uri.EscapeDataString(sent.MessageId) +
            (sent.ThreadId is null ? "" : "?thread_id=" + Uri.EscapeDataString(sent.ThreadId)));
        return client.SendAsync(HttpMethod.Patch, url, Render(message).Body, "edit:" + _bucket, null, cancellationToken);
    }

    /// <summary>The body a message is sent with, and the thread it goes to: the one rendering for sends and edits.</summary>
    static (JsonObject Body, string? Thread) Render(ChatMessage message) => message switch
    {
        ChatMessage.Cards cards => (DiscordMessages.Cards(cards.Items), null),
        ChatMessage.Reply reply => (DiscordMessages.AlsoReported(reply.Card), reply.ThreadId),
        ChatMessage.Digest digest => (DiscordMessages.Digest(digest), null),
        ChatMessage.Notice notice => (DiscordMessages.Notice(notice.Text), null),
        ChatMessage.Report report => (DiscordReports.Payload(report.Content), null),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

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

/// <summary>
/// A channel posted to by the bot. Later reports of a story go into a thread started from its card. Its messages can be
/// edited (Edit Message, in the channel or the thread the message is in).
/// </summary>
public sealed class DiscordBotSink(Uri apiBase, string channelId, string token, DiscordClient client) : IChatSink, IEditableSink
{
    public int MaxCardsPerMessage => DiscordEmbeds.MaxEmbeds;

    public async Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken) => message switch
    {
        ChatMessage.Reply reply => await ReplyAsync(reply, cancellationToken),
        ChatMessage.Report { Content.Image: { } image } report => await client.SendWithFileAsync(Api($"channels/{channelId}/messages"),
            DiscordReports.Payload(report.Content), image, "channel:" + channelId, token, cancellationToken),
        _ => await Post(channelId, Render(message), cancellationToken),
    };

    public bool CanEdit(DeliveryKind kind) => true;

    /// <summary>PATCH /channels/{channel or thread}/messages/{message}.</summary>
    public Task<DeliveryOutcome> EditAsync(SentMessage sent, ChatMessage message, CancellationToken cancellationToken)
    {
        var channel = sent.Kind == DeliveryKind.Reply && sent.ThreadId is { } thread ? thread : channelId;
        return client.SendAsync(HttpMethod.Patch, Api($"channels/{channel}/messages/{Uri.EscapeDataString(sent.MessageId)}"), Render(message),
            "edit:channel:" + channel, token, cancellationToken);
    }

    /// <summary>The body a message is posted with (a reply: its card, in the story's thread): the one rendering for sends and edits.</summary>
    static JsonObject Render(ChatMessage message) => message switch
    {
        ChatMessage.Cards cards => DiscordMessages.Cards(cards.Items, controls: true),
        ChatMessage.Reply reply => DiscordMessages.Cards([reply.Card with { Mention = null }], controls: true),
        ChatMessage.Digest digest => DiscordMessages.Digest(digest),
        ChatMessage.Notice notice => DiscordMessages.Notice(notice.Text),
        ChatMessage.Report report => DiscordReports.Payload(report.Content),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    /// <summary>
    /// A later report into the story's thread, started from its card if there is none yet. When the thread cannot be had
    /// (the card or the thread was deleted: 404; no permission to start threads: 403) the report goes to the channel as
    /// a card of its own, rather than dead-lettering it and resting the whole destination.
    /// </summary>
    async Task<DeliveryOutcome> ReplyAsync(ChatMessage.Reply reply, CancellationToken cancellationToken)
    {
        var thread = reply.ThreadId;
        if (thread is null)
        {
            var name = TextCut.Truncate(ChatText.Defuse(reply.Card.Title), 100);
            var started = await client.SendAsync(HttpMethod.Post, Api($"channels/{channelId}/messages/{reply.ParentMessageId}/threads"),
                new JsonObject { ["name"] = name, ["auto_archive_duration"] = 1440 }, "channel:" + channelId, token, cancellationToken);
            if (started is DeliveryOutcome.Permanent { Code: ThreadExists }) thread = reply.ParentMessageId; // a message's thread has its id
            else if (started is DeliveryOutcome.Permanent { Status: 403 or 404 }) return await Post(channelId, Render(reply), cancellationToken);
            else if (started is not DeliveryOutcome.Delivered created) return started;
            else thread = created.MessageId; // a thread is a channel; its id comes back as the object's id
        }
        var posted = await Post(thread, Render(reply), cancellationToken);
        if (posted is DeliveryOutcome.Permanent { Status: 403 or 404 }) return await Post(channelId, Render(reply), cancellationToken);
        return posted is DeliveryOutcome.Delivered ok ? ok with { ThreadId = thread } : posted;
    }

    /// <summary>Discord's "A thread has already been created for this message".</summary>
    const int ThreadExists = 160004;

    Task<DeliveryOutcome> Post(string channel, JsonObject body, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, Api($"channels/{channel}/messages"), body, "channel:" + channel, token, cancellationToken);

    Uri Api(string path) => new(apiBase.ToString().TrimEnd('/') + "/" + path);
}
